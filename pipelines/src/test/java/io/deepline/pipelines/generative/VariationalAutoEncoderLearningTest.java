package io.deepline.pipelines.generative;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.core.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The VAE learns the 8×8 digits (scaled to [0, 1]): the negative ELBO falls, held-out digits are far more probable
 * under the model than uniform noise, and samples are reproducible digit-sized rows of pixel probabilities.
 */
@ExtendWith(SparkSessionExtension.class)
class VariationalAutoEncoderLearningTest {
    private static Dataset<Row>[] splits;
    private static VariationalAutoEncoderModel model;

    private static synchronized VariationalAutoEncoderModel model(SparkSession spark) {
        if (model == null) {
            splits = DataSamples.digitsUnitScaled(spark).randomSplit(new double[] {0.8, 0.2}, 5);
            splits[0].cache();
            long start = System.nanoTime();
            model = new VariationalAutoEncoder().setEncoderLayers(new int[] {48}).setDecoderLayers(new int[] {48})
                    .setLatentSize(4).setLearningRate(1e-2).setBatchSize(32).setMaxEpochs(10).setNumWorkers(2)
                    .setAveragingFrequency(12).setSeed(3).fit(splits[0]);
            System.out.printf("VAE digits fit: %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        return model;
    }

    @Test
    void negativeElboFallsClearly(SparkSession spark) {
        List<EpochStats> epochs = model(spark).trainingHistory().epochs();
        assertEquals(10, epochs.size());
        double first = epochs.get(0).loss();
        double last = epochs.get(epochs.size() - 1).loss();
        System.out.printf("negative ELBO per digit: epoch 1 %.2f, epoch 10 %.2f%n", first, last);
        assertTrue(last < 0.75 * first, "the negative ELBO must fall by over 25%: " + first + " → " + last);
    }

    @Test
    void heldOutDigitsAreFarMoreProbableThanUniformNoise(SparkSession spark) {
        VariationalAutoEncoderModel m = model(spark);
        Dataset<Row> scored = m.transform(splits[1]);
        double digits = scored.agg(avg(col("reconstructionLogProb"))).first().getDouble(0);
        double noise = m.transform(noise(spark, 300, 64)).agg(avg(col("reconstructionLogProb"))).first().getDouble(0);
        System.out.printf("mean reconstruction log p: held-out digits %.2f, uniform noise %.2f%n", digits, noise);
        assertTrue(digits > noise + 10, "digits " + digits + " vs noise " + noise);
        Vector mean = (Vector) scored.select("latentMean").first().get(0);
        assertEquals(4, mean.size(), "the latent mean has latentSize entries");
    }

    @Test
    void samplesAreReproduciblePixelProbabilities(SparkSession spark) {
        VariationalAutoEncoderModel m = model(spark);
        List<Row> a = m.sample(12, 7).collectAsList();
        List<Row> again = m.sample(12, 7).collectAsList();
        List<Row> other = m.sample(12, 8).collectAsList();
        assertEquals(12, a.size());
        assertEquals(a, again, "the same seed gives the same rows");
        assertNotEquals(a, other, "another seed gives other rows");
        assertEquals("features", m.sample(1, 1).columns()[0]);
        for (Row r : a) {
            double[] x = ((Vector) r.get(0)).toArray();
            assertEquals(64, x.length);
            for (double v : x) {
                assertTrue(v >= 0 && v <= 1, "bernoulli means are probabilities: " + v);
            }
        }
    }

    static Dataset<Row> noise(SparkSession spark, int rows, int size) {
        Random random = new Random(9);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double[] x = new double[size];
            for (int j = 0; j < size; j++) {
                x[j] = random.nextDouble();
            }
            out.add(RowFactory.create(Vectors.dense(x)));
        }
        return spark.createDataFrame(out, new StructType().add("features", SQLDataTypes.VectorType()));
    }
}
