package io.deepline.bench;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import java.util.Arrays;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Deepline's DeepClassifier on the shared local[2] session, one parameter-averaging worker per core, in a given
 * sync mode.
 */
public final class DeeplineTrainer implements MlpTrainer {

    private Dataset<Row> train;
    private Dataset<Row> test;
    private DeepClassificationModel lastModel;
    private SparkWorkMeter meter;
    private SparkWorkMeter.Work lastWork;

    private final String syncMode;

    /** Deepline training in {@code syncMode} ("collective" or "jobs"), whatever the settings passed to train say. */
    public DeeplineTrainer(String syncMode) {
        this.syncMode = syncMode;
    }

    /** Deepline in collective mode. */
    public DeeplineTrainer() {
        this(MlpSettings.COLLECTIVE);
    }

    @Override
    public String name() {
        return "Deepline (" + syncMode + ")";
    }

    @Override
    public TrainingRun train(BenchContext context, MlpSettings requested) throws Exception {
        MlpSettings settings = requested.withSyncMode(syncMode);
        if (train == null) {
            train = context.mnist().trainFrame(context.spark(), settings.workers());
            test = context.mnist().testFrame(context.spark(), settings.workers());
        }
        if (meter == null) {
            meter = SparkWorkMeter.attachedTo(context.spark());
        }
        DeepClassifier classifier = estimator(settings);
        context.awaitNoRunningTasks();
        meter.start();
        long start = System.nanoTime();
        lastModel = classifier.fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        lastWork = meter.stop();
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(lastModel.transform(test));
        return new TrainingRun(seconds, (long) context.mnist().trainRows() * settings.epochs(), accuracy);
    }

    /** The Spark jobs and task CPU time of the last {@link #train} call's fit. */
    public SparkWorkMeter.Work lastWork() {
        return lastWork;
    }

    /** The model of the last {@link #train} call. */
    public DeepClassificationModel lastModel() {
        return lastModel;
    }

    static DeepClassifier estimator(MlpSettings settings) {
        return new DeepClassifier().setHiddenLayers(Arrays.copyOf(settings.hidden(), settings.hidden().length))
                .setActivation(settings.activation().name().toLowerCase(java.util.Locale.ROOT))
                .setUpdater("adam").setLearningRate(settings.learningRate()).setBatchSize(settings.batchSize())
                .setMaxEpochs(settings.epochs()).setNumWorkers(settings.workers())
                .setAveragingFrequency(settings.averagingFrequency()).setSeed(settings.seed())
                .setSyncMode(settings.syncMode());
    }
}
