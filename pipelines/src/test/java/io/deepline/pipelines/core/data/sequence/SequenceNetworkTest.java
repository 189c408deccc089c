package io.deepline.pipelines.core.data.sequence;

import static io.deepline.pipelines.core.data.sequence.SequenceFrames.SERIES;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.STEP_VECTORS;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.TOKENS;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.batches;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Real DL4J recurrent networks train on {@link SequenceBatch}es, and padding is invisible to them: each
 * sequence's loss in a padded batch equals its loss scored alone, unpadded (1e-6, double-precision networks).
 * Dropping the masks changes those losses, so the check would catch a missing or misaligned mask.
 */
@ExtendWith(SparkSessionExtension.class)
class SequenceNetworkTest {
    private static final int[] LENGTHS = {4, 1, 3, 2, 5};

    /** Sequence id's value at step t, feature f; step 0 feature 0 is id / 10, which identifies the row. */
    private static double value(int id, int t, int f) {
        return t == 0 && f == 0 ? id / 10.0 : Math.sin(id + 0.7 * t + 1.3 * f);
    }

    private static Dataset<Row> stepVectorFrame(SparkSession spark, boolean perStepLabels) {
        List<Object[]> rows = new ArrayList<>();
        for (int id = 0; id < LENGTHS.length; id++) {
            List<List<Double>> steps = new ArrayList<>();
            List<Double> stepTargets = new ArrayList<>();
            for (int t = 0; t < LENGTHS[id]; t++) {
                steps.add(List.of(value(id, t, 0), value(id, t, 1)));
                stepTargets.add(Math.cos(id + t));
            }
            rows.add(new Object[] {steps, perStepLabels ? stepTargets : (Object) (double) (id % 2)});
        }
        return frame(spark, STEP_VECTORS, perStepLabels ? SERIES : DataTypes.DoubleType, rows);
    }

    private static MultiLayerNetwork network(Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(5)
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1))
                .list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /**
     * Scores every sequence alone (batches of one, no padding) and inside one padded batch, and checks they agree;
     * then checks the masks matter and that the network fits the padded batch.
     */
    private static void assertPaddingIsInvisible(MultiLayerNetwork net, Dataset<Row> frame, int vocabularySize,
                                                 OptionalInt classes, ToIntFunction<INDArray> idOfRow0) {
        Map<Integer, Double> alone = new HashMap<>();
        for (SequenceBatch single : batches(frame, vocabularySize, classes, 1, 1)) {
            DataSet ds = single.toDataSet();
            assertEquals(single.length(0), single.length(), "a batch of one is not padded");
            // score(ds) of a batch of one is that sequence's loss summed over its steps, as scoreExamples gives per
            // row (DL4J's RnnOutputLayer.scoreExamples cannot reshape a [1, 1] score array for a 1-step sequence).
            alone.put(idOfRow0.applyAsInt(ds.getFeatures()), net.score(ds, false));
        }
        List<SequenceBatch> padded = batches(frame, vocabularySize, classes, 1, LENGTHS.length);
        assertEquals(1, padded.size());
        DataSet ds = padded.get(0).toDataSet();
        assertEquals(5, padded.get(0).length());
        INDArray scores = net.scoreExamples(ds, false);
        double maskless = 0;
        INDArray unmasked = net.scoreExamples(new DataSet(ds.getFeatures(), ds.getLabels()), false);
        for (int r = 0; r < LENGTHS.length; r++) {
            int id = idOfRow0.applyAsInt(ds.getFeatures().get(NDArrayIndex.interval(r, r + 1), NDArrayIndex.all(),
                    NDArrayIndex.all()));
            assertEquals(alone.get(id), scores.getDouble(r), 1e-6, "sequence " + id + " of length " + LENGTHS[id]);
            maskless = Math.max(maskless, Math.abs(unmasked.getDouble(r) - scores.getDouble(r)));
        }
        assertTrue(maskless > 1e-3, "without masks the padded steps would count (max difference " + maskless + ")");

        INDArray before = net.params().dup();
        net.fit(ds);
        assertTrue(Double.isFinite(net.score()));
        assertFalse(before.equalsWithEps(net.params(), 1e-12), "one fit step moves the params");
    }

    private static int idFromFirstValue(INDArray x) {
        return (int) Math.round(x.getDouble(0, 0, 0) * 10);
    }

    @Test
    void lstmWithPerStepOutputIgnoresPaddedSteps(SparkSession spark) {
        MultiLayerNetwork net = network(
                new LSTM.Builder().nIn(2).nOut(4).activation(Activation.TANH).build(),
                new RnnOutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).nIn(4).nOut(1).build());
        assertPaddingIsInvisible(net, stepVectorFrame(spark, true), 0, null, SequenceNetworkTest::idFromFirstValue);
    }

    @Test
    void lastTimeStepClassifierReadsEachSequencesLastRealStep(SparkSession spark) {
        MultiLayerNetwork net = network(
                new LastTimeStep(new LSTM.Builder().nIn(2).nOut(4).activation(Activation.TANH).build()),
                new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(4).nOut(2).build());
        assertPaddingIsInvisible(net, stepVectorFrame(spark, false), 0, OptionalInt.empty(),
                SequenceNetworkTest::idFromFirstValue);
    }

    @Test
    void embeddingSequenceLayerTakesTokenIdBatches(SparkSession spark) {
        int vocabulary = 12;
        List<Object[]> rows = new ArrayList<>();
        for (int id = 0; id < LENGTHS.length; id++) {
            List<Integer> tokens = new ArrayList<>();
            for (int t = 0; t < LENGTHS[id]; t++) {
                tokens.add(t == 0 ? id : (id * 3 + t) % vocabulary); // the first token identifies the row
            }
            rows.add(new Object[] {tokens, (double) (id % 3)});
        }
        // Many-to-one: padded steps hold id 0, a real token, so only the features mask keeps LastTimeStep on each
        // sequence's last real token.
        MultiLayerNetwork net = network(
                new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(3).build(),
                new LastTimeStep(new LSTM.Builder().nIn(3).nOut(4).activation(Activation.TANH).build()),
                new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(4).nOut(3).build());
        assertPaddingIsInvisible(net, frame(spark, TOKENS, DataTypes.DoubleType, rows), vocabulary, OptionalInt.of(3),
                x -> (int) x.getDouble(0, 0, 0));
    }
}
