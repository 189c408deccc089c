package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Does DL4J 1.0.0-M2.1's {@code DenseLayer.Builder().hasLayerNorm(true)} compute the course's layer norm (§4.5.4)
 * with γ = its gain {@code g} and β = its bias {@code b}? <b>Not exactly: it is the formula with ε = 0.</b>
 *
 * <p>DL4J computes z = xW, then ND4J's {@code layer_norm} op, which standardises each row by its population
 * standard deviation with no ε at all (libnd4j {@code standardize}), multiplies by g, and only then adds b. So
 * the bias does act as β (it is added after normalising, not before), and the variance is the course's
 * population variance, but nothing keeps the denominator away from 0.
 *
 * <p>Measured on a random example (8 rows × 6 features, double precision), max |DL4J − course|:
 * <ul>
 *   <li>course formula with ε = 0: 8.9e-16 (rounding), whatever the scale of the pre-activations;</li>
 *   <li>course formula with ε = 1e-5, pre-activations with a per-row spread around 1: 1.0e-5;</li>
 *   <li>course formula with ε = 1e-5, spread around 1e-3 (row variance ≈ 1e-6, below ε): 2.1 — the course
 *       output is shrunk by √(Var/(Var + ε)), DL4J's is not.</li>
 * </ul>
 * Our {@link LayerNorm} with ε = 1e-30 after a bias-free dense layer reproduces DL4J's output to rounding,
 * which confirms that ε is the only difference.
 */
class Dl4jDenseLayerNormTest {
    private static final int N_IN = 5;
    private static final int D = 6;

    @Test
    void dl4jIsTheCourseFormulaWithZeroEpsilonAndTheBiasAsBeta() {
        for (double spread : new double[] {1.0, 1e-3}) {
            Example e = new Example(spread);
            double[][] withoutEpsilon = CourseLayerNorm.apply(e.z, e.g, e.b, 0.0);
            assertTrue(CourseLayerNorm.maxAbsDiff(e.dl4j, withoutEpsilon) < 1e-13, "spread " + spread);
        }
    }

    @Test
    void theCourseEpsilonChangesTheOutputMeasurably() {
        Example unit = new Example(1.0);
        double gapUnit = CourseLayerNorm.maxAbsDiff(unit.dl4j, CourseLayerNorm.apply(unit.z, unit.g, unit.b, 1e-5));
        Example small = new Example(1e-3);
        double gapSmall = CourseLayerNorm.maxAbsDiff(small.dl4j,
                CourseLayerNorm.apply(small.z, small.g, small.b, 1e-5));
        System.out.printf("DL4J hasLayerNorm vs course (ε = 1e-5): max |Δ| = %.3e (spread 1), %.3e (spread 1e-3)%n",
                gapUnit, gapSmall);
        assertTrue(gapUnit > 1e-6 && gapUnit < 1e-4, "spread 1: " + gapUnit);
        assertTrue(gapSmall > 1.0, "spread 1e-3: " + gapSmall);
    }

    @Test
    void ourLayerWithVanishingEpsilonReproducesDl4j() {
        Example e = new Example(1e-3);
        MultiLayerNetwork ours = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list()
                .layer(new DenseLayer.Builder().nIn(N_IN).nOut(D).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new LayerNorm.Builder().nIn(D).epsilon(1e-30).build())
                .build());
        ours.init();
        ours.setParam("0_W", Nd4j.create(e.w));
        ours.getParam("1_" + LayerNorm.GAMMA).assign(Nd4j.create(e.g).reshape(1, D));
        ours.getParam("1_" + LayerNorm.BETA).assign(Nd4j.create(e.b).reshape(1, D));
        double[][] out = ours.feedForward(Nd4j.create(e.x), false).get(2).toDoubleMatrix();
        assertTrue(CourseLayerNorm.maxAbsDiff(e.dl4j, out) < 1e-12);
    }

    /** A DL4J dense layer with layer norm, random W, b and g, its output on random x, and z = xW. */
    private static final class Example {
        final double[][] w = new double[N_IN][];
        final double[][] x = new double[8][];
        final double[] b;
        final double[] g;
        final double[][] z;
        final double[][] dl4j;

        Example(double spread) {
            Random random = new Random(5);
            for (int i = 0; i < N_IN; i++) {
                w[i] = CourseLayerNorm.random(random, D, 0, spread);
            }
            b = CourseLayerNorm.random(random, D, 0, 1);
            g = CourseLayerNorm.random(random, D, 1, 0.5);
            for (int n = 0; n < x.length; n++) {
                x[n] = CourseLayerNorm.random(random, N_IN, 0, 1);
            }
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .dataType(DataType.DOUBLE).list()
                    .layer(new DenseLayer.Builder().nIn(N_IN).nOut(D).activation(Activation.IDENTITY)
                            .hasLayerNorm(true).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(D).nOut(2)
                            .activation(Activation.IDENTITY).build())
                    .build());
            net.init();
            net.setParam("0_W", Nd4j.create(w));
            net.setParam("0_b", Nd4j.create(b).reshape(1, D));
            net.setParam("0_g", Nd4j.create(g).reshape(1, D));
            INDArray input = Nd4j.create(x);
            dl4j = net.feedForward(input, false).get(1).toDoubleMatrix();
            z = input.mmul(Nd4j.create(w)).toDoubleMatrix();
        }
    }
}
