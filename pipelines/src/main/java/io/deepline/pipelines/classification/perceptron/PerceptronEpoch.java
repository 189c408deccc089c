package io.deepline.pipelines.classification.perceptron;

import io.deepline.pipelines.core.data.Shuffles;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor side of one epoch of iterative parameter mixing (McDonald, Hall and Mann 2010, Figure 3): start
 * from the broadcast mixed weights, run one pass of the perceptron rule over this partition's rows in a seeded
 * shuffled order, and send back the resulting weights, the number of mistakes and the number of rows.
 *
 * <p>It depends only on the broadcast, the cached block and (seed, epoch, partition), so a retried task
 * computes the same contribution.
 */
final class PerceptronEpoch implements Function2<Integer, Iterator<SignedRows>, Iterator<EpochSum>> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<PerceptronWeights> mixed;
    private final long seed;
    private final int epoch;

    PerceptronEpoch(Broadcast<PerceptronWeights> mixed, long seed, int epoch) {
        this.mixed = mixed;
        this.seed = seed;
        this.epoch = epoch;
    }

    @Override
    public Iterator<EpochSum> call(Integer partition, Iterator<SignedRows> blocks) {
        EpochSum sum = EpochSum.empty();
        while (blocks.hasNext()) {
            SignedRows rows = blocks.next();
            if (rows.size() > 0) {
                sum = sum.merge(pass(mixed.value(), rows, seed, epoch, partition));
            }
        }
        return List.of(sum).iterator();
    }

    /**
     * One pass of the rule over {@code rows} from {@code start} (left untouched), visiting the rows in the order
     * {@code Shuffles.permutation(n, seed, epoch, partition)}.
     */
    static EpochSum pass(PerceptronWeights start, SignedRows rows, long seed, int epoch, int partition) {
        // Work on a copy: in local mode (and between tasks of one executor) the broadcast object itself is shared.
        PerceptronWeights weights = start.copy();
        int[] order = Shuffles.permutation(rows.size(), seed, epoch, partition);
        double[] features = rows.features();
        long mistakes = 0;
        for (int i : order) {
            if (weights.learn(features, i, rows.sign(i))) {
                mistakes++;
            }
        }
        return EpochSum.of(weights, mistakes, rows.size());
    }
}
