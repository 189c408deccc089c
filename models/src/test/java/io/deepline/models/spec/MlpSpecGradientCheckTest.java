package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backpropagation (course eq. 23–26) through networks {@link MlpSpec} builds, against central finite differences
 * with DL4J's gradient-check settings: double precision, SGD with rate 1, no dropout, ε = 1e-6, max relative error
 * 1e-3, min absolute error 1e-8, random parameters. Every hidden activation, every output head (softmax +
 * cross-entropy eq. 18–19, sigmoid + binary cross-entropy eq. 13–14, Gaussian, Poisson, heteroskedastic Gaussian),
 * and residual networks (eq. 27) with and without the projection U, whose forward values are checked too.
 */
@ExtendWith(DoubleDefaults.class)
class MlpSpecGradientCheckTest {
    private static final int N_IN = 3;
    private static final int ROWS = 5;

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void everyHiddenActivation(HiddenActivation activation) {
        assertTrue(check(MlpNetworks.gradientCheckSpec(activation), OutputHead.categorical(3), activation.ordinal()),
                activation.name());
    }

    enum Head {
        CATEGORICAL(OutputHead.categorical(3)),
        BERNOULLI(OutputHead.bernoulli()),
        GAUSSIAN(OutputHead.gaussian(2)),
        POISSON(OutputHead.poisson(1)),
        GAUSSIAN_HETEROSKEDASTIC(OutputHead.gaussianHeteroskedastic());

        final OutputHead head;

        Head(OutputHead head) {
            this.head = head;
        }
    }

    @ParameterizedTest
    @EnumSource(Head.class)
    void everyOutputHead(Head head) {
        assertTrue(check(MlpNetworks.gradientCheckSpec(HiddenActivation.SIGMOID), head.head, 10 + head.ordinal()),
                head.name());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void residualWithAndWithoutProjection(boolean projection) {
        // Equal widths skip with the identity (eq. 27); a change of width adds U (no bias) on the skip path.
        int[] widths = projection ? new int[] {4, 3} : new int[] {3, 3};
        MlpSpec spec = MlpNetworks.gradientCheckSpec(HiddenActivation.TANH).toBuilder().hiddenLayers(widths)
                .residual(true).build();
        Random random = new Random(projection ? 21 : 22);
        ComputationGraph graph = graph(spec, OutputHead.gaussian(1), random);
        assertEquals(projection, graph.getVertex("projection0") != null);
        INDArray x = MlpNetworks.gaussian(random, ROWS, N_IN);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {x}).labels(new INDArray[] {MlpNetworks.gaussian(random, ROWS, 1)})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }

    /** h_1 = φ(W_0ᵀx + b) + Uᵀx (§4.5.2, "Changing Dimensions") computed by hand against the graph's activations. */
    @Test
    void projectionForwardValues() {
        MlpSpec spec = MlpNetworks.gradientCheckSpec(HiddenActivation.TANH).toBuilder().hiddenLayers(4)
                .residual(true).build();
        Random random = new Random(23);
        ComputationGraph graph = graph(spec, OutputHead.gaussian(1), random);
        INDArray x = MlpNetworks.gaussian(random, ROWS, N_IN);
        double[][] w = graph.getParam("hidden0_0_W").toDoubleMatrix();
        double[] b = graph.getParam("hidden0_0_b").dup().reshape(4).toDoubleVector();
        double[][] u = graph.getParam("projection0_W").toDoubleMatrix();
        assertEquals(1, graph.getLayer("projection0").paramTable().size(), "U has no bias");
        double[][] actual = graph.feedForward(x, false).get("residual0").toDoubleMatrix();
        double[][] in = x.toDoubleMatrix();
        for (int n = 0; n < ROWS; n++) {
            for (int d = 0; d < 4; d++) {
                double a = b[d];
                double skip = 0;
                for (int i = 0; i < N_IN; i++) {
                    a += in[n][i] * w[i][d];
                    skip += in[n][i] * u[i][d];
                }
                assertEquals(Math.tanh(a) + skip, actual[n][d], 1e-12, "h[" + n + "][" + d + "]");
            }
        }
    }

    private static boolean check(MlpSpec spec, OutputHead head, long seed) {
        Random random = new Random(seed);
        MultiLayerNetwork net = spec.buildNetwork(N_IN, head).convertDataType(DataType.DOUBLE);
        MlpNetworks.randomise(net.params(), random);
        INDArray x = MlpNetworks.gaussian(random, ROWS, N_IN);
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                .labels(MlpNetworks.labels(head, random, ROWS)).epsilon(1e-6).maxRelError(1e-3)
                .minAbsoluteError(1e-8).print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }

    private static ComputationGraph graph(MlpSpec spec, OutputHead head, Random random) {
        ComputationGraph graph = new ComputationGraph(spec.toGraphConfiguration(N_IN, head));
        graph.init();
        ComputationGraph converted = graph.convertDataType(DataType.DOUBLE);
        MlpNetworks.randomise(converted.params(), random);
        return converted;
    }
}
