package io.deepline.pipelines.vision;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CNN learns real digits through Spark, and refuses images of the wrong shape with a clear message. */
@ExtendWith(SparkSessionExtension.class)
class ImageClassifierTest {

    @Test
    void lenetLearnsTheEightByEightDigitsWithTwoWorkers(SparkSession spark) {
        Dataset<Row>[] split = DataSamples.digitsUnitScaled(spark).randomSplit(new double[] {0.8, 0.2}, 7);
        long started = System.nanoTime();
        ImageClassificationModel model = new ImageClassifier().setImageShape(new int[] {1, 8, 8})
                .setLearningRate(3e-3).setBatchSize(32).setMaxEpochs(12).setNumWorkers(2).setSeed(3)
                .fit(split[0]);
        double seconds = (System.nanoTime() - started) / 1e9;
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(split[1]));
        System.out.printf("ImageClassifier (LeNet sizes) on digits8x8, 2 workers: held-out accuracy %.4f, fit %.1f s%n",
                accuracy, seconds);
        assertTrue(accuracy >= 0.97, "held-out accuracy " + accuracy);
    }

    @Test
    void imagesOfTheWrongShapeAreRefusedNamingBothSizes(SparkSession spark) {
        Dataset<Row> digits = DataSamples.digitsUnitScaled(spark);
        assertFailsNaming(IllegalArgumentException.class,
                () -> new ImageClassifier().setImageShape(new int[] {1, 28, 28}).setMaxEpochs(1).fit(digits),
                "featuresCol 'features' holds vectors of 64 values", "imageShape [1, 28, 28] needs 784");
        assertFailsNaming(IllegalArgumentException.class, () -> new ImageClassifier().setMaxEpochs(1).fit(digits),
                "imageShape is not set", "[channels, height, width]");
        // VectorAssembler records the vector size, so a wrong shape fails in transformSchema, before training.
        Dataset<Row> assembled = new VectorAssembler().setInputCols(new String[] {"a", "b", "c"}).setOutputCol("features")
                .transform(spark.range(4).select(functions.col("id").cast("double").as("a"),
                        functions.lit(1.0).as("b"), functions.lit(2.0).as("c"), functions.lit(0.0).as("label")));
        assertFailsNaming(IllegalArgumentException.class,
                () -> new ImageClassifier().setImageShape(new int[] {1, 2, 2}).transformSchema(assembled.schema()),
                "holds vectors of 3 values", "needs 4");
    }

    @Test
    void badParamsAreRefusedWhenSet() {
        ImageClassifier clf = new ImageClassifier();
        assertFailsNaming(IllegalArgumentException.class, () -> clf.setArchitecture("conv(6,5) pol(2)"),
                "item 2 'pol(2)'");
        assertFailsNaming(IllegalArgumentException.class, () -> clf.setImageShape(new int[] {1, 8}),
                "imageShape must have 3 values");
        assertFailsNaming(IllegalArgumentException.class, () -> clf.setImageShape(new int[] {0, 8, 8}),
                "[0, 8, 8]");
    }
}
