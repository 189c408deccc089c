package io.deepline.models.layers;

import static io.deepline.models.layers.ClassTokenNetworks.BATCH;
import static io.deepline.models.layers.ClassTokenNetworks.D;
import static io.deepline.models.layers.ClassTokenNetworks.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Backpropagation through {@link ClassToken} and {@link FirstStep} against central finite differences, with DL4J's
 * gradient-check settings: double precision, NoOp updater, ε = 1e-6, max relative error 1e-3, min absolute error
 * 1e-8. The network ({@link ClassTokenNetworks}) is mask-aware after the token, so the check also covers the
 * extended mask: a mask not shifted by the token would move the real steps' gradients. Every entry of c is checked;
 * of the larger parameter arrays an evenly spaced subset of {@value #PER_PARAM} (each check is two passes through a
 * hand-written recurrent layer, slow on the shared 2-core CI).
 */
@ExtendWith(DoubleDefaults.class)
class ClassTokenGradientCheckTest {
    private static final int PER_PARAM = 3;

    @Test
    void raggedMaskPassesTheGradientCheck() {
        assertTrue(check(ClassTokenNetworks.raggedMask(), 31));
    }

    @Test
    void noMaskPassesTheGradientCheck() {
        assertTrue(check(null, 32));
    }

    /**
     * The token's input gradient dL/dX only reaches parameters through a layer before the token: a Gru here, so the
     * check covers dX = δ[:, :, 1:] too (GradientCheckUtil checks parameters, not the network's input gradient).
     * Only that Gru and c are checked; the layers after them are covered by the checks above.
     */
    @Test
    void layerBeforeTheTokenPassesTheGradientCheck() {
        MultiLayerNetwork net = ClassTokenNetworks.network(ClassTokenNetworks.configurationWithGruBefore(new NoOp(), 33));
        Set<String> after = net.paramTable().keySet().stream()
                .filter(key -> !key.startsWith("0_") && !key.startsWith("1_")).collect(Collectors.toSet());
        Random random = new Random(33);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, D, T).subi(0.5).muli(2);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                .labels(ClassTokenNetworks.oneHot(random, BATCH)).inputMask(ClassTokenNetworks.raggedMask())
                .excludeParams(after).subset(true).maxPerParam(2 * PER_PARAM).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }

    /** Not a vacuous check: c gets a non-zero gradient through the encoder and the output. */
    @Test
    void tokenGetsAGradient() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), 35);
        Random random = new Random(35);
        // Not net.calculateGradients: DL4J M2.1 hands its feature mask to the output layer as the labels mask.
        net.setInput(Nd4j.rand(DataType.DOUBLE, BATCH, D, T).subi(0.5).muli(2));
        net.setLabels(ClassTokenNetworks.oneHot(random, BATCH));
        net.setLayerMaskArrays(ClassTokenNetworks.raggedMask(), null);
        net.computeGradientAndScore();
        INDArray dCls = net.gradient().getGradientFor("0_" + ClassToken.CLS);
        assertEquals(D, dCls.length());
        for (int i = 0; i < D; i++) {
            assertNotEquals(0.0, dCls.getDouble(i), "dL/dc = " + dCls);
        }
    }

    @Test
    void fitUpdatesTheToken() {
        MultiLayerNetwork net = ClassTokenNetworks.network(new Sgd(0.5), 34);
        INDArray before = net.getParam("0_" + ClassToken.CLS).dup();
        Random random = new Random(34);
        DataSet batch = new DataSet(Nd4j.rand(DataType.DOUBLE, BATCH, D, T), ClassTokenNetworks.oneHot(random, BATCH),
                ClassTokenNetworks.raggedMask(), null);
        for (int i = 0; i < 3; i++) {
            net.fit(batch);
        }
        assertNotEquals(before, net.getParam("0_" + ClassToken.CLS));
    }

    private static boolean check(INDArray mask, long seed) {
        MultiLayerNetwork net = ClassTokenNetworks.network(new NoOp(), seed);
        Random random = new Random(seed);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, D, T).subi(0.5).muli(2);
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                .labels(ClassTokenNetworks.oneHot(random, BATCH)).inputMask(mask)
                .subset(true).maxPerParam(PER_PARAM).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }
}
