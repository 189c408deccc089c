package io.deepline.pipelines.core.train;

import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.bits;
import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.rdd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.models.spec.CnnArchitecture;
import io.deepline.models.spec.CnnSpec;
import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.ImageShape;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.OutputHead;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Foundation's golden property for a convolutional network: one worker of our parameter-averaging trainer is
 * bit-identical to plain single-JVM DL4J {@code fit} on the same batches in the same order, params and Adam state
 * alike, with BatchNorm (whose running statistics are params too).
 */
@ExtendWith(SparkSessionExtension.class)
class CnnGoldenTrainingTest {

    /** The first {@code count} 8×8 digits (pixels in [0, 1]) cut into one-hot batches of {@code size}. */
    private static List<MiniBatch> digitBatches(SparkSession spark, int size, int count) {
        List<Row> rows = DataSamples.digitsUnitScaled(spark).limit(size * count).collectAsList();
        List<MiniBatch> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += size) {
            float[] x = new float[size * 64];
            float[] y = new float[size * 10];
            for (int i = 0; i < size; i++) {
                double[] f = ((Vector) rows.get(start + i).get(0)).toArray();
                for (int j = 0; j < 64; j++) {
                    x[i * 64 + j] = (float) f[j];
                }
                y[i * 10 + (int) rows.get(start + i).getDouble(1)] = 1f;
            }
            batches.add(new MiniBatch(size, 64, 10, x, y));
        }
        return batches;
    }

    @Test
    void oneWorkerIsBitIdenticalToPlainDl4jFitForACnnWithBatchNorm(SparkSession spark) {
        List<MiniBatch> batches = digitBatches(spark, 32, 8);
        CnnSpec spec = new CnnSpec(new ImageShape(1, 8, 8), CnnArchitecture.parse("conv(4,3) pool(2) conv(8,3) dense(16)"),
                HiddenActivation.RELU, 0.01, true, 0.0, NetworkTraining.defaults());
        NetworkSnapshot initial = spec.initialState(OutputHead.categorical(10));
        int epochs = 2;
        long seed = 17;

        TrainingResult distributed = new ParameterAveragingTrainer(new TrainingSettings("golden-cnn", epochs, 3, seed),
                null).train(rdd(spark, batches, 1), initial);

        MultiLayerNetwork plain = initial.toNetwork();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int index : BatchOrder.forEpoch(batches.size(), seed, epoch, 0)) {
                plain.fit(batches.get(index).toDataSet());
            }
        }
        assertArrayEquals(bits(NetworkSnapshot.paramsOf(plain)), bits(distributed.network().params()),
                "params (with BatchNorm's running mean and variance) must be bit-identical");
        assertArrayEquals(bits(NetworkSnapshot.updaterStateOf(plain)), bits(distributed.network().updaterState()),
                "Adam state must be bit-identical");
        assertEquals(plain.getIterationCount(), distributed.network().iteration());
    }
}
