package io.deepline.bench;

import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark MLlib's own MLP, {@code MultilayerPerceptronClassifier}, with the layer sizes 784-256-128-10 (MLlib's
 * hidden layers are sigmoid, trained by L-BFGS on full batches) and otherwise its defaults, on the shared local[2]
 * session and the same rows as Deepline.
 */
public final class MllibMlp {

    /** MLlib's default maxIter. */
    public static final int DEFAULT_MAX_ITER = 100;

    private static final int[] LAYERS = {MnistData.FEATURES, 256, 128, MnistData.CLASSES};

    private Dataset<Row> train;
    private Dataset<Row> test;

    /** Fits from scratch with {@code maxIter} iterations; returns the fit's wall time and the held-out accuracy. */
    public TrainingRun fit(BenchContext context, int maxIter) throws java.io.IOException {
        if (train == null) {
            train = context.mnist().trainFrame(context.spark(), BenchContext.CORES);
            test = context.mnist().testFrame(context.spark(), BenchContext.CORES);
        }
        MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier().setLayers(LAYERS.clone())
                .setMaxIter(maxIter).setSeed(42);
        long start = System.nanoTime();
        var model = mlp.fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(test));
        // L-BFGS passes over every row once per iteration (more when its line search retries).
        return new TrainingRun(seconds, (long) context.mnist().trainRows() * maxIter, accuracy);
    }
}
