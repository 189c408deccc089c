package io.deepline.models.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.seq2seq.ReversalTask;
import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.Seq2SeqSpec;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Network} and {@link NetworkSnapshot} with a two-input (sequence-to-sequence) graph. */
class MultiInputNetworkTest {
    private static Network seq2seq() {
        return Network.of(Seq2SeqSpec.builder().sourceVocabularySize(ReversalTask.VOCABULARY)
                .targetVocabularySize(ReversalTask.VOCABULARY).embeddingSize(4).hiddenSize(6).learningRate(0.02)
                .seed(5).build().buildGraph());
    }

    private static MultiDataSet batch(long seed) {
        return ReversalTask.batch(ReversalTask.sources(new Random(seed), 6, 2, 5));
    }

    @Test
    void fitsScoresAndPredictsOnMultiDataSets() {
        Network network = seq2seq();
        MultiDataSet batch = batch(1);
        INDArray before = network.params().dup();
        network.fit(batch);
        assertNotEquals(before, network.params());
        assertEquals(2, network.numInputs());
        assertEquals(1, network.iteration());

        INDArray perExample = network.scoreExamples(batch, false);
        assertArrayEquals(new long[] {6, 1}, perExample.shape());
        assertTrue(perExample.minNumber().doubleValue() > 0);
        INDArray output = network.output(batch.getFeatures(), batch.getFeaturesMaskArrays());
        ComputationGraph graph = (ComputationGraph) network.model();
        assertEquals(graph.output(false, batch.getFeatures(), batch.getFeaturesMaskArrays(), null)[0], output);
        // Probabilities: each step's outputs sum to 1.
        INDArray sums = output.sum(1);
        assertEquals(0.0, sums.sub(1.0).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void snapshotOfATrainedGraphRestoresIdenticalOutputsAndOptimizerState() {
        Network network = seq2seq();
        for (int i = 0; i < 3; i++) {
            network.fit(batch(i));
        }
        NetworkSnapshot snapshot = NetworkSnapshot.of(network.model());
        assertTrue(snapshot.isGraph());
        assertEquals(2 * snapshot.params().length, snapshot.updaterState().length, "Adam: two moments per param");
        Network restored = snapshot.restore();

        assertEquals(network.params(), restored.params());
        assertEquals(network.updaterState(), restored.updaterState());
        assertEquals(3, restored.iteration());
        MultiDataSet probe = batch(9);
        assertEquals(network.output(probe.getFeatures(), probe.getFeaturesMaskArrays()),
                restored.output(probe.getFeatures(), probe.getFeaturesMaskArrays()));
        // Training on from either gives the same params: the optimizer state came along.
        network.fit(probe);
        restored.fit(probe);
        assertEquals(network.params(), restored.params());
    }

    @Test
    void singleInputMethodsRefuseTwoInputGraphsAndViceVersa() {
        Network network = seq2seq();
        MultiDataSet batch = batch(1);
        IllegalStateException fit = assertThrows(IllegalStateException.class,
                () -> network.fit(new DataSet(batch.getFeatures(0), batch.getLabels(0))));
        assertTrue(fit.getMessage().contains("[source, target]; use fit(MultiDataSet)"), fit.getMessage());
        IllegalStateException output = assertThrows(IllegalStateException.class,
                () -> network.output(batch.getFeatures(0)));
        assertTrue(output.getMessage().contains("use output(INDArray[], INDArray[])"), output.getMessage());
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
                () -> network.output(new INDArray[] {batch.getFeatures(0)}, null));
        assertTrue(arity.getMessage().contains("the graph has 2 inputs [source, target] but got 1"),
                arity.getMessage());

        Network layers = Network.of(MlpSpec.builder().hiddenLayers(new int[] {3}).activation(HiddenActivation.TANH)
                .build().buildNetwork(2, 2));
        IllegalStateException stack = assertThrows(IllegalStateException.class,
                () -> layers.fit(new MultiDataSet(Nd4j.zeros(1, 2), Nd4j.zeros(1, 2))));
        assertTrue(stack.getMessage().contains("use fit(DataSet)"), stack.getMessage());
        assertEquals(1, layers.numInputs());
    }
}
