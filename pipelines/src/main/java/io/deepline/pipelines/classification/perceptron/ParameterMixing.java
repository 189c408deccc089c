package io.deepline.pipelines.classification.perceptron;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver loop of iterative parameter mixing for the perceptron (McDonald, Hall and Mann 2010,
 * "Distributed training strategies for the structured perceptron", section 3, uniform mixing):
 * <pre>
 * (w, b) = (0, 0)
 * per epoch, until an epoch makes no mistake or maxIter epochs ran:
 *   broadcast (w, b)
 *   each partition: one shuffled pass of the perceptron rule over its rows, starting from (w, b)  [PerceptronEpoch]
 *   treeAggregate the partitions' (w, b, mistakes, rows); (w, b) = mean over the partitions that had rows
 *   destroy the broadcast
 * </pre>
 * An epoch with no mistake on any partition left every worker's weights unchanged, so the mixed weights are the
 * broadcast ones and classify every training point correctly: that is when {@code converged} is true. With one
 * partition this is exactly the sequential perceptron over the same shuffled orders.
 */
final class ParameterMixing {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterMixing.class);

    /** The fitted weights, the mistakes made in each epoch that ran, and whether the last epoch made none. */
    record Result(PerceptronWeights weights, long[] mistakesPerEpoch, boolean converged) {
    }

    private final int maxIter;
    private final long seed;

    ParameterMixing(int maxIter, long seed) {
        this.maxIter = maxIter;
        this.seed = seed;
    }

    /**
     * @param blocks one {@link SignedRows} per partition (worker), ideally persisted: every epoch reads them
     */
    Result train(JavaRDD<SignedRows> blocks, int numFeatures) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        PerceptronWeights weights = PerceptronWeights.zeros(numFeatures);
        long[] mistakes = new long[maxIter];
        int epochs = 0;
        boolean converged = false;
        try {
            while (epochs < maxIter && !converged) {
                sc.setJobDescription(String.format(Locale.ROOT, "PerceptronClassifier epoch %d/%d", epochs + 1,
                        maxIter));
                EpochSum sum = runEpoch(sc, blocks, weights, epochs);
                weights = sum.average();
                mistakes[epochs] = sum.mistakes();
                converged = sum.mistakes() == 0;
                epochs++;
                LOG.info(String.format(Locale.ROOT, "PerceptronClassifier epoch %d/%d: %d mistakes on %d rows"
                        + " (%d workers)", epochs, maxIter, sum.mistakes(), sum.rows(), sum.workers()));
            }
        } finally {
            sc.setJobDescription(null);
        }
        return new Result(weights, Arrays.copyOf(mistakes, epochs), converged);
    }

    private EpochSum runEpoch(JavaSparkContext sc, JavaRDD<SignedRows> blocks, PerceptronWeights weights,
                              int epoch) {
        Broadcast<PerceptronWeights> bc = sc.broadcast(weights);
        try {
            EpochSum sum = blocks.mapPartitionsWithIndex(new PerceptronEpoch(bc, seed, epoch), true)
                    .treeAggregate(EpochSum.empty(), EpochSum::merge, EpochSum::merge);
            if (sum.workers() == 0) {
                throw new IllegalStateException("no partition had training rows in epoch " + (epoch + 1)
                        + "; the training data is empty or changed after validation");
            }
            return sum;
        } finally {
            // The epoch's weights are superseded; free them on the executors now rather than at GC time.
            bc.destroy();
        }
    }
}
