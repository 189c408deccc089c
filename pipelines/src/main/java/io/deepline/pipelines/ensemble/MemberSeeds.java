package io.deepline.pipelines.ensemble;

import java.util.Random;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;

/**
 * The seeds of an ensemble's J copies of one estimator: the first J values of {@code new Random(seed).nextLong()}
 * (the algorithm java.util.Random specifies, so they are the same on every JVM). Member j of a J-member ensemble
 * is therefore member j of every larger one with the same seed: ensembles of growing J are nested.
 */
final class MemberSeeds {
    static final String SEED_PARAM = "seed";

    private MemberSeeds() {
    }

    static long[] derive(long seed, int count) {
        Random random = new Random(seed);
        long[] seeds = new long[count];
        for (int j = 0; j < count; j++) {
            seeds[j] = random.nextLong();
        }
        return seeds;
    }

    static boolean hasSeed(Estimator<?> estimator) {
        return estimator.hasParam(SEED_PARAM);
    }

    /** Copies of an estimator without a seed would train identical members. */
    static void requireSeed(Estimator<?> estimator, int numMembers) {
        if (!hasSeed(estimator)) {
            throw new IllegalArgumentException("numMembers is " + numMembers + " but the estimator "
                    + EnsembleKind.describe(estimator) + " has no 'seed' Param, so its copies would train identical"
                    + " members; give EnsembleEstimator a list of differently configured estimators instead, or set"
                    + " numMembers to 1");
        }
    }

    /** The ParamMap that sets the estimator's {@code seed} Param (a LongParam, as MLlib's, or an IntParam). */
    static ParamMap withSeed(Estimator<?> estimator, long seed) {
        Param<?> param = estimator.getParam(SEED_PARAM);
        if (param instanceof LongParam p) {
            return new ParamMap().put(p, seed);
        }
        if (param instanceof IntParam p) {
            return new ParamMap().put(p, (int) (seed ^ (seed >>> 32)));
        }
        throw new IllegalArgumentException("the 'seed' Param of " + EnsembleKind.describe(estimator) + " is a "
                + param.getClass().getSimpleName() + "; EnsembleEstimator sets LongParam or IntParam seeds, give it a"
                + " list of differently seeded estimators instead");
    }
}
