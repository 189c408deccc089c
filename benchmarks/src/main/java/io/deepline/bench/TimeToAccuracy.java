package io.deepline.bench;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingListener;
import java.io.IOException;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * How long Deepline takes to reach a given held-out accuracy: one fit whose validation rows are the test rows
 * ({@code validationIndicatorCol}), so its accuracy is measured after every epoch; the time is the wall time from
 * {@code fit} to the end of the first epoch whose accuracy reaches the bar. That is what a fit with exactly that many
 * epochs would take, plus the per-epoch scoring of the 2,000 test rows (which counts against Deepline). The fit is
 * stopped there.
 */
public final class TimeToAccuracy {

    /** Epochs beyond this are not trained; the bar counts as not reached. */
    public static final int MAX_EPOCHS = 20;

    private static final String IS_TEST = "isTest";

    private Dataset<Row> trainAndTest;

    /** The first epoch that reaches {@code bar}, or the cap if none up to {@link #MAX_EPOCHS} does. */
    public Result reach(BenchContext context, double bar) throws IOException {
        return fitUntil(context, bar, MAX_EPOCHS);
    }

    /** Warms Deepline up (one untimed epoch). */
    public void warmUp(BenchContext context) throws IOException {
        fitUntil(context, 2.0, 1);
    }

    private Result fitUntil(BenchContext context, double bar, int maxEpochs) throws IOException {
        MlpSettings settings = MlpSettings.issueDefaults(maxEpochs);
        DeepClassifier classifier = DeeplineTrainer.estimator(settings).setValidationIndicatorCol(IS_TEST);
        EpochWatch watch = new EpochWatch(bar, context.mnist().trainRows());
        classifier.setTrainingListener(watch);
        Dataset<Row> rows = trainAndTest(context, settings.workers());
        watch.start = System.nanoTime();
        try {
            classifier.fit(rows);
        } catch (BarReached reached) {
            return reached.result;
        }
        return new Result(maxEpochs, watch.last, false);
    }

    /** Training rows then test rows, the latter flagged as validation rows; cached before any timing. */
    private Dataset<Row> trainAndTest(BenchContext context, int partitions) throws IOException {
        if (trainAndTest == null) {
            MnistData mnist = context.mnist();
            trainAndTest = mnist.trainFrame(context.spark(), partitions).withColumn(IS_TEST, functions.lit(false))
                    .union(mnist.testFrame(context.spark(), partitions).withColumn(IS_TEST, functions.lit(true)))
                    .persist(StorageLevel.MEMORY_ONLY());
            trainAndTest.count();
        }
        return trainAndTest;
    }

    /** The epoch count k, the run up to it, and whether it reached the bar (false: k is the cap). */
    public record Result(int epochs, TrainingRun run, boolean reached) {
    }

    /** Ends the fit from the listener once the bar is reached; not an error. */
    private static final class BarReached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Result result;

        BarReached(Result result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** Records the wall time and held-out accuracy at the end of each epoch. */
    private static final class EpochWatch implements TrainingListener {
        private final double bar;
        private final long trainRows;
        private long start;
        private TrainingRun last;

        EpochWatch(double bar, long trainRows) {
            this.bar = bar;
            this.trainRows = trainRows;
        }

        @Override
        public void onEpochEnd(EpochStats stats, int maxEpochs) {
            double seconds = (System.nanoTime() - start) / 1e9;
            last = new TrainingRun(seconds, trainRows * stats.epoch(), stats.validationMetric());
            System.err.printf(Locale.ROOT, "    Deepline epoch %2d: %6.2f s since fit, accuracy %.4f (bar %.4f)%n",
                    stats.epoch(), seconds, stats.validationMetric(), bar);
            if (stats.validationMetric() >= bar) {
                throw new BarReached(new Result(stats.epoch(), last, true));
            }
        }
    }
}
