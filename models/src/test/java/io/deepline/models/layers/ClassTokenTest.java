package io.deepline.models.layers;

import static io.deepline.models.layers.ClassTokenNetworks.BATCH;
import static io.deepline.models.layers.ClassTokenNetworks.D;
import static io.deepline.models.layers.ClassTokenNetworks.T;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.junit.jupiter.api.function.Executable;

/**
 * [CLS] pooling: {@link ClassToken} prepends its learned step and extends the mask, {@link FirstStep} reads step 0
 * back; their passes against values written out element by element, the mask through a real network, bad input,
 * and the JSON round trip.
 */
@ExtendWith(DoubleDefaults.class)
class ClassTokenTest {
    private static final double[][] EXTENDED_MASK = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 0}, {1, 1, 0, 0, 0, 0}};

    @Test
    void forwardPutsTheTokenFirstAndTheInputAfter() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 41);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, D, T);
        INDArray out = net.feedForward(x, false).get(1);
        INDArray cls = net.getParam("0_" + ClassToken.CLS);
        assertArrayEquals(new long[] {BATCH, D, T + 1}, out.shape());
        for (int n = 0; n < BATCH; n++) {
            for (int i = 0; i < D; i++) {
                assertEquals(cls.getDouble(0, i), out.getDouble(n, i, 0), 0.0, "row " + n + ", feature " + i);
                for (int t = 0; t < T; t++) {
                    assertEquals(x.getDouble(n, i, t), out.getDouble(n, i, t + 1), 0.0);
                }
            }
        }
    }

    @Test
    void backwardSumsStepZeroIntoTheTokenAndPassesTheRestToTheInput() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 42);
        net.initGradientsView(); // DL4J makes the gradient views lazily, on the first fit or gradient computation
        Layer token = net.getLayer(0);
        token.setInput(Nd4j.rand(DataType.DOUBLE, BATCH, D, T), LayerWorkspaceMgr.noWorkspaces());
        INDArray epsilon = Nd4j.rand(DataType.DOUBLE, BATCH, D, T + 1);
        Pair<Gradient, INDArray> back = token.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
        INDArray dCls = back.getFirst().getGradientFor(ClassToken.CLS);
        INDArray dX = back.getSecond();
        assertArrayEquals(new long[] {BATCH, D, T}, dX.shape());
        for (int i = 0; i < D; i++) {
            double sum = 0;
            for (int n = 0; n < BATCH; n++) {
                sum += epsilon.getDouble(n, i, 0);
                for (int t = 0; t < T; t++) {
                    assertEquals(epsilon.getDouble(n, i, t + 1), dX.getDouble(n, i, t), 0.0);
                }
            }
            assertEquals(sum, dCls.getDouble(i), 1e-12, "dL/dc_" + i);
        }
    }

    @Test
    void firstStepTakesStepZeroAndSendsItsGradientThere() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 43);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, D, T);
        INDArray encoded = net.feedForward(x, false).get(2);
        INDArray pooled = net.feedForward(x, false).get(3);
        int width = 2 * ClassTokenNetworks.UNITS;
        assertArrayEquals(new long[] {BATCH, width}, pooled.shape());
        Layer first = net.getLayer(2);
        first.setInput(encoded, LayerWorkspaceMgr.noWorkspaces());
        INDArray epsilon = Nd4j.rand(DataType.DOUBLE, BATCH, width);
        INDArray dX = first.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        assertArrayEquals(encoded.shape(), dX.shape());
        for (int n = 0; n < BATCH; n++) {
            for (int i = 0; i < width; i++) {
                assertEquals(encoded.getDouble(n, i, 0), pooled.getDouble(n, i), 0.0);
                assertEquals(epsilon.getDouble(n, i), dX.getDouble(n, i, 0), 0.0);
                for (int t = 1; t <= T; t++) {
                    assertEquals(0.0, dX.getDouble(n, i, t), 0.0);
                }
            }
        }
    }

    @Test
    void tokenStartsStandardNormalAndFollowsTheSeed() {
        int features = 400;
        INDArray cls = tokenOfWideNetwork(features, 7);
        double mean = cls.meanNumber().doubleValue();
        double std = cls.stdNumber().doubleValue();
        // Standard errors for 400 draws: 0.05 for the mean, about 0.035 for the std.
        assertEquals(0.0, mean, 0.2, "mean of c");
        assertEquals(1.0, std, 0.15, "std of c");
        assertEquals(cls, tokenOfWideNetwork(features, 7));
        assertNotEquals(cls, tokenOfWideNetwork(features, 8));
    }

    @Test
    void layerKeepsTheInputMaskAndHandsOnTheExtendedOne() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 44);
        INDArray mask = ClassTokenNetworks.raggedMask();
        net.setLayerMaskArrays(mask, null);
        assertEquals(mask, net.getLayer(0).getMaskArray(), "the token layer's own mask is its input's");
        assertEquals(Nd4j.create(EXTENDED_MASK), net.getLayer(1).getMaskArray(), "the encoder after the token");
        assertEquals(Nd4j.create(EXTENDED_MASK), net.getLayer(2).getMaskArray(), "FirstStep");
        assertNull(net.getLayer(3).getMaskArray(), "nothing masks the one-row-per-sequence output");

        Pair<INDArray, MaskState> none = net.getLayer(0).feedForwardMaskArray(null, null, BATCH);
        assertNull(none.getFirst());
        assertNull(net.getLayer(0).getMaskArray());
    }

    /** The extended mask is what protects a short row: with it padding changes nothing, without it it does. */
    @Test
    void paddedStepsDoNotChangeTheOutput() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 45);
        INDArray mask = ClassTokenNetworks.raggedMask();
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, D, T);
        INDArray junk = x.dup();
        for (int n = 0; n < BATCH; n++) {
            for (int t = 0; t < T; t++) {
                if (mask.getDouble(n, t) == 0) {
                    for (int i = 0; i < D; i++) {
                        junk.putScalar(new long[] {n, i, t}, 10.0 * (i + 1) - t);
                    }
                }
            }
        }
        INDArray expected = net.output(x, false, mask, null);
        assertEquals(expected, net.output(junk, false, mask, null));
        assertNotEquals(net.output(x, false, null, null).getRow(1), net.output(junk, false, null, null).getRow(1),
                "without a mask row 1 reads its padding");
        INDArray realStepChanged = x.dup();
        realStepChanged.putScalar(new long[] {1, 0, 2}, 5.0);
        assertNotEquals(expected.getRow(1), net.output(realStepChanged, false, mask, null).getRow(1),
                "row 1's last real step must reach step 0");
    }

    @Test
    void computationGraphGivesTheSameMaskedOutput() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 46);
        ComputationGraph graph = new ComputationGraph(graphConfiguration());
        graph.init();
        graph.setParams(net.params());
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, D, T);
        INDArray mask = ClassTokenNetworks.raggedMask();
        INDArray fromGraph = graph.output(false, new INDArray[] {x}, new INDArray[] {mask}, null)[0];
        assertTrue(net.output(x, false, mask, null).equalsWithEps(fromGraph, 1e-12));
    }

    @Test
    void roundTripsThroughJson() {
        MultiLayerConfiguration conf = ClassTokenNetworks.configuration(new NoOp(), 47);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertInstanceOf(ClassToken.class, back.getConf(0).getLayer());
        assertEquals(D, ((ClassToken) back.getConf(0).getLayer()).getNOut());
        assertInstanceOf(FirstStep.class, back.getConf(2).getLayer());
        ComputationGraphConfiguration graph = graphConfiguration();
        assertEquals(graph, ComputationGraphConfiguration.fromJson(graph.toJson()));
        assertNotEquals(new ClassToken.Builder(D).build(), new DenseLayer.Builder().nIn(D).nOut(D).build());
    }

    @Test
    void outputTypesAddAStepAndPoolIt() {
        ClassToken token = new ClassToken.Builder(D).build();
        InputType.InputTypeRecurrent known = (InputType.InputTypeRecurrent) token.getOutputType(0,
                InputType.recurrent(D, T));
        assertEquals(D, known.getSize());
        assertEquals(T + 1, known.getTimeSeriesLength());
        assertEquals(RNNFormat.NCW, known.getFormat());
        InputType.InputTypeRecurrent unknown = (InputType.InputTypeRecurrent) token.getOutputType(0,
                InputType.recurrent(D));
        assertEquals(-1, unknown.getTimeSeriesLength());
        assertEquals(InputType.feedForward(7), new FirstStep().getOutputType(0, InputType.recurrent(7, T)));
        assertNull(new FirstStep().getPreProcessorForInputType(InputType.recurrent(7, T)));
        assertNull(token.getPreProcessorForInputType(InputType.recurrent(D, T)));
    }

    @Test
    void badShapesNameTheLayerAndTheExpectedShape() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 48);
        net.initGradientsView();
        assertMessage(IllegalStateException.class, () -> net.output(Nd4j.rand(DataType.DOUBLE, BATCH, D + 1, T)),
                "ClassToken", "[N, 4, T]", "[3, 5, 5]");
        assertMessage(IllegalStateException.class, () -> net.output(Nd4j.rand(DataType.DOUBLE, BATCH, D)),
                "ClassToken", "NCW [N, 4, T]");
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, D, T);
        assertMessage(IllegalStateException.class, () -> net.output(x, false, Nd4j.ones(DataType.DOUBLE, BATCH, T - 1),
                null), "ClassToken", "[N, T] = [3, 5]");
        assertMessage(IllegalStateException.class, () -> net.getLayer(0).feedForwardMaskArray(
                Nd4j.ones(DataType.DOUBLE, BATCH + 1, T), MaskState.Active, BATCH), "ClassToken", "[batch, T]", "3");
        net.clearLayerMaskArrays(); // the failed pass above left its bad mask set
        Layer token = net.getLayer(0);
        token.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        assertMessage(IllegalStateException.class, () -> token.backpropGradient(Nd4j.rand(DataType.DOUBLE, BATCH, D, T),
                LayerWorkspaceMgr.noWorkspaces()), "ClassToken", "[3, 4, 6]");
    }

    @Test
    void nonSequenceAndNwcInputAreRefusedWhenTheNetworkIsBuilt() {
        assertMessage(IllegalArgumentException.class, () -> new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(D).build())
                .layer(new ClassToken.Builder().build())
                .setInputType(InputType.feedForward(3)).build(), "ClassToken takes NCW sequences", "FeedForward");
        assertMessage(IllegalArgumentException.class, () -> new NeuralNetConfiguration.Builder().list()
                .layer(new ClassToken.Builder().build())
                .setInputType(InputType.recurrent(D, T, RNNFormat.NWC)).build(), "ClassToken takes NCW sequences",
                "NWC");
        assertMessage(IllegalArgumentException.class, () -> new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(D).build())
                .layer(new FirstStep())
                .setInputType(InputType.feedForward(3)).build(), "FirstStep takes NCW sequences");
    }

    @Test
    void builderChecksTheSize() {
        assertMessage(IllegalArgumentException.class, () -> new ClassToken.Builder().nIn(0), "nIn is 0", "> 0");
        assertMessage(IllegalArgumentException.class, () -> new ClassToken.Builder(D).nOut(D + 1).build(),
                "nOut is 5", "nIn is 4");
        assertEquals(D, new ClassToken.Builder(D).nOut(D).build().getNOut());
        MultiLayerConfiguration noSize = new NeuralNetConfiguration.Builder().list()
                .layer(new ClassToken.Builder().build())
                .layer(new FirstStep())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(D).nOut(2).activation(Activation.SOFTMAX)
                        .build())
                .build();
        assertMessage(IllegalStateException.class, () -> new MultiLayerNetwork(noSize).init(), "ClassToken nIn is 0",
                "setInputType");
    }

    private static INDArray tokenOfWideNetwork(int features, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).list()
                .layer(new ClassToken.Builder(features).build())
                .layer(new FirstStep())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(features).nOut(1).activation(Activation.IDENTITY)
                        .build())
                .build());
        net.init();
        return net.getParam("0_" + ClassToken.CLS).dup();
    }

    /** {@link ClassTokenNetworks#configuration}'s layers as a graph, in the same order (so the same param layout). */
    private static ComputationGraphConfiguration graphConfiguration() {
        return new NeuralNetConfiguration.Builder().seed(46).dataType(DataType.DOUBLE).updater(new NoOp())
                .graphBuilder().addInputs("x")
                .addLayer("token", new ClassToken.Builder().build(), "x")
                .addLayer("encoder", new Bidirectional(Bidirectional.Mode.CONCAT,
                        new Gru.Builder().nOut(ClassTokenNetworks.UNITS).build()), "token")
                .addLayer("first", new FirstStep(), "encoder")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(ClassTokenNetworks.CLASSES)
                        .activation(Activation.SOFTMAX).build(), "first")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(D, T))
                .build();
    }

    private static <E extends Throwable> void assertMessage(Class<E> type, Executable action, String... parts) {
        E e = assertThrows(type, action);
        for (String part : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(part), "\"" + part + "\" not in: "
                    + e.getMessage());
        }
    }
}
