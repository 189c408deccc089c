package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The averaging trainer fits recurrent networks on sequence batches exactly as it fits tabular ones. */
@ExtendWith(SparkSessionExtension.class)
class SequenceTrainingTest {

    /** Batches of 3 ragged sequences (lengths 1..4, one input, per-step real labels), padded to their longest. */
    static List<SequenceBatch> raggedBatches(int count) {
        Random random = new Random(4);
        List<SequenceBatch> batches = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int rows = 3;
            int[] lengths = new int[rows];
            int length = 0;
            for (int i = 0; i < rows; i++) {
                lengths[i] = 1 + random.nextInt(4);
                length = Math.max(length, lengths[i]);
            }
            float[] x = new float[rows * length];
            float[] y = new float[rows * length];
            float[] mask = new float[rows * length];
            for (int i = 0; i < rows; i++) {
                for (int t = 0; t < lengths[i]; t++) {
                    x[i * length + t] = (float) random.nextGaussian();
                    y[i * length + t] = (float) Math.sin(x[i * length + t]);
                    mask[i * length + t] = 1f;
                }
            }
            batches.add(new SequenceBatch(rows, 1, length, 1, x, mask, y, true));
        }
        return batches;
    }

    @Test
    void oneWorkerIsBitIdenticalToPlainDl4jFitOnTheSameSequenceBatches(SparkSession spark) {
        List<SequenceBatch> batches = raggedBatches(5);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Adam(0.01)).list()
                .layer(new LSTM.Builder().nIn(1).nOut(3).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).nIn(3).nOut(1).build())
                .build());
        net.init();
        NetworkSnapshot initial = NetworkSnapshot.of(net);
        long seed = 17;
        JavaRDD<SequenceBatch> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(batches, 1).cache();

        TrainingResult distributed = new ParameterAveragingTrainer(new TrainingSettings("sequences", 2, 2, seed), null)
                .train(rdd, initial);

        MultiLayerNetwork plain = initial.toNetwork();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int index : BatchOrder.forEpoch(batches.size(), seed, epoch, 0)) {
                plain.fit(batches.get(index).toDataSet());
            }
        }
        assertArrayEquals(ParameterAveragingTrainerTest.bits(NetworkSnapshot.paramsOf(plain)),
                ParameterAveragingTrainerTest.bits(distributed.network().params()), "params must be bit-identical");
        assertEquals(plain.getIterationCount(), distributed.network().iteration());
        assertEquals(2, distributed.history().numEpochs());
        rdd.unpersist(false);
    }
}
