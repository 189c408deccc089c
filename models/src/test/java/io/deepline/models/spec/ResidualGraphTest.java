package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Skip connections (course §4.5.2): h_l = φ(W h_{l−1}) + h_{l−1}, or + U h_{l−1} where the width changes. */
class ResidualGraphTest {

    private static MlpSpec residual(int... widths) {
        return MlpSpec.builder().hiddenLayers(widths).activation(HiddenActivation.TANH).residual(true).seed(4).build();
    }

    @Test
    void projectsOnlyWhereTheWidthChanges() {
        ComputationGraphConfiguration conf = residual(5, 5, 3).toGraphConfiguration(5, OutputHead.categorical(2));
        assertTrue(!conf.getVertices().containsKey("projection0"), "5 → 5: identity skip");
        assertTrue(!conf.getVertices().containsKey("projection1"));
        assertTrue(conf.getVertices().containsKey("projection2"), "5 → 3: projection U");
        assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()));
    }

    @Test
    void withZeroHiddenWeightsEachBlockPassesItsInputThrough() {
        ComputationGraph graph = new ComputationGraph(residual(4, 4).toGraphConfiguration(4, OutputHead.gaussian(1)));
        graph.init();
        for (String layer : new String[] {"hidden0_0", "hidden1_0"}) {
            graph.getLayer(layer).getParam("W").assign(0);
            graph.getLayer(layer).getParam("b").assign(0);
        }
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4);
        // tanh(0·h + 0) = 0, so h_1 = h_0 = x and h_2 = x: the output layer sees the input itself.
        INDArray w = graph.getLayer("output").getParam("W");
        INDArray b = graph.getLayer("output").getParam("b");
        INDArray expected = x.mmul(w).addRowVector(b);
        assertTrue(expected.equalsWithEps(graph.outputSingle(x), 1e-6));
    }

    @Test
    void skipAddsTheBlockOutputToItsInput() {
        ComputationGraph graph = new ComputationGraph(residual(3).toGraphConfiguration(3, OutputHead.gaussian(1)));
        graph.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3);
        INDArray w = graph.getLayer("hidden0_0").getParam("W");
        INDArray b = graph.getLayer("hidden0_0").getParam("b");
        INDArray h = Transforms.tanh(x.mmul(w).addRowVector(b)).addi(x);
        INDArray expected = h.mmul(graph.getLayer("output").getParam("W"))
                .addRowVector(graph.getLayer("output").getParam("b"));
        assertTrue(expected.equalsWithEps(graph.outputSingle(x), 1e-5));
    }

    @Test
    void snapshotsRestoreGraphsWithTheirOptimizerState() {
        NetworkSnapshot start = residual(6, 4).initialState(3, OutputHead.categorical(2));
        assertTrue(start.isGraph());
        Network net = start.restore();
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 2);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 2, 1);
        }
        net.fit(new DataSet(x, y));
        NetworkSnapshot after = NetworkSnapshot.of(net.model());
        Network copy = after.restore();
        assertEquals(net.params(), copy.params());
        assertEquals(net.updaterState(), copy.updaterState());
        assertEquals(1, copy.iteration());
        assertThrows(IllegalStateException.class, after::toNetwork, "a graph is not a layer stack");
    }

    @Test
    void residualWithoutHiddenLayersIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpSpec.builder().hiddenLayers().residual(true).build());
        assertTrue(e.getMessage().contains("residual") && e.getMessage().contains("hiddenLayers"), e.getMessage());
    }
}
