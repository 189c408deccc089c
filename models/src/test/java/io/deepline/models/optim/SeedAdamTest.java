package io.deepline.models.optim;

import static io.deepline.models.optim.HeavyBallMomentumTest.assertMessage;
import static io.deepline.models.optim.HeavyBallMomentumTest.mean;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class SeedAdamTest {
    private static final double EPS = 1e-8;

    @Test
    void threeHandComputedStepsFollowTheFormula() {
        // α = 0.1, β1 = 0.5, β2 = 0.75; bias corrections 1−β1^t = 0.5, 0.75, 0.875 and 1−β2^t = 0.25, 0.4375, 0.578125
        // g1 = [2, -1]: V1 = [1, -0.5],      S1 = [1, 0.25];         V̂ = [2, -1], Ŝ = [4, 1]
        // g2 = [0, 2]:  V2 = [0.5, 0.75],    S2 = [0.75, 1.1875]
        // g3 = [-4, 0]: V3 = [-1.75, 0.375], S3 = [4.5625, 0.890625]
        double[][] grads = {{2, -1}, {0, 2}, {-4, 0}};
        double[][] updates = {
            {0.1 * 2 / (2 + EPS), 0.1 * -1 / (1 + EPS)},
            {0.1 * (0.5 / 0.75) / (Math.sqrt(0.75 / 0.4375) + EPS),
                0.1 * (0.75 / 0.75) / (Math.sqrt(1.1875 / 0.4375) + EPS)},
            {0.1 * (-1.75 / 0.875) / (Math.sqrt(4.5625 / 0.578125) + EPS),
                0.1 * (0.375 / 0.875) / (Math.sqrt(0.890625 / 0.578125) + EPS)}};
        INDArray view = Nd4j.create(DataType.DOUBLE, 1, 4).assign(7); // garbage that initialisation must clear
        GradientUpdater<?> u = new SeedAdam(0.1, 0.5, 0.75, EPS).instantiate(view, true);
        for (int step = 0; step < 3; step++) {
            INDArray g = Nd4j.createFromArray(grads[step]).reshape(1, 2);
            u.applyUpdater(g, step, 0); // DL4J's iteration counter starts at 0: t = 1 is iteration 0
            assertArrayEquals(updates[step], g.toDoubleVector(), 1e-15, "update of step " + (step + 1));
        }
        assertArrayEquals(new double[] {-1.75, 0.375, 4.5625, 0.890625}, view.toDoubleVector(), 1e-15,
                "state view is [V, S]");
    }

    @Test
    void firstStepIsBiasCorrectedToAlphaTimesSignOfGradient() {
        GradientUpdater<?> u = new SeedAdam().instantiate(Nd4j.create(DataType.DOUBLE, 1, 6), true);
        INDArray g = Nd4j.createFromArray(3.0, -0.02, 1e-4).reshape(1, 3);
        u.applyUpdater(g, 0, 0);
        assertArrayEquals(new double[] {1e-3 * 3 / (3 + EPS), -1e-3 * 0.02 / (0.02 + EPS), 1e-3 * 1e-4 / (1e-4 + EPS)},
                g.toDoubleVector(), 1e-18);
    }

    @Test
    void learningRateScheduleIsReadAtEachIteration() {
        SeedAdam config = new SeedAdam(new ExponentialSchedule(ScheduleType.ITERATION, 1.0, 0.5));
        GradientUpdater<?> u = config.instantiate(Nd4j.create(DataType.DOUBLE, 1, 2), true);
        INDArray g = Nd4j.ones(DataType.DOUBLE, 1, 1);
        u.applyUpdater(g, 2, 0);
        // Iteration 2 is t = 3; from a zero state V = 0.1, S = 0.001, and α = 1.0 · 0.5² = 0.25.
        double expected = 0.25 * (0.1 / (1 - Math.pow(0.9, 3))) / (Math.sqrt(0.001 / (1 - Math.pow(0.999, 3))) + EPS);
        assertEquals(expected, g.getDouble(0), 1e-15);
    }

    @Test
    void dl4jFitMatchesTheFormulaComputedFromTheNetworksOwnGradients() {
        double alpha = 0.01;
        MultiLayerNetwork net = TinyNets.network(new SeedAdam(alpha), DataType.DOUBLE);
        double[] w = TinyNets.params(net);
        double[] v = new double[w.length];
        double[] s = new double[w.length];
        for (int t = 1; t <= 5; t++) {
            DataSet batch = TinyNets.batch(200 + t, DataType.DOUBLE);
            CourseFormulas.adamStep(w, v, s, TinyNets.gradient(net, batch), t, alpha, 0.9, 0.999, EPS);
            net.fit(batch);
            assertArrayEquals(w, TinyNets.params(net), 1e-12, "params after step " + t);
            double[] state = TinyNets.updaterState(net);
            assertArrayEquals(v, Arrays.copyOfRange(state, 0, w.length), 1e-12, "V after step " + t);
            assertArrayEquals(s, Arrays.copyOfRange(state, w.length, 2 * w.length), 1e-12, "S after step " + t);
        }
    }

    /**
     * Averaging workers' state after one step from zero: V is linear in g, so the mean V is the formula's V of the
     * mean gradient; S is quadratic, so the mean S is (1−β2)·mean(g²), not (1−β2)·mean(g)² — larger wherever the
     * workers' gradients disagree.
     */
    @Test
    void averagedFirstMomentIsLinearButSecondMomentIsNot() {
        MultiLayerNetwork a = TinyNets.network(new SeedAdam(0.01), DataType.DOUBLE);
        MultiLayerNetwork b = TinyNets.network(new SeedAdam(0.01), DataType.DOUBLE);
        DataSet batchA = TinyNets.batch(7, DataType.DOUBLE);
        DataSet batchB = TinyNets.batch(8, DataType.DOUBLE);
        double[] gA = TinyNets.gradient(a, batchA);
        double[] gB = TinyNets.gradient(b, batchB);
        a.fit(batchA);
        b.fit(batchB);
        double[] meanState = mean(TinyNets.updaterState(a), TinyNets.updaterState(b));
        int n = gA.length;

        double[] w = new double[n];
        double[] v = new double[n];
        double[] s = new double[n];
        CourseFormulas.adamStep(w, v, s, mean(gA, gB), 1, 0.01, 0.9, 0.999, EPS);
        assertArrayEquals(v, Arrays.copyOfRange(meanState, 0, n), 1e-12);
        double[] meanS = Arrays.copyOfRange(meanState, n, 2 * n);
        for (int i = 0; i < n; i++) {
            assertTrue(meanS[i] >= s[i] - 1e-15, "mean of squares >= square of mean");
        }
        assertTrue(CourseFormulas.maxAbsDiff(meanS, s) > 1e-6, "S of the mean gradient is not the mean S");
    }

    @Test
    void configurationSurvivesJsonRoundTripAndTrainsTheSame() {
        for (SeedAdam updater : new SeedAdam[] {new SeedAdam(0.02, 0.8, 0.99, 1e-7),
                new SeedAdam(new ExponentialSchedule(ScheduleType.ITERATION, 0.01, 0.9))}) {
            MultiLayerConfiguration conf = TinyNets.regression(updater, DataType.DOUBLE);
            String json = conf.toJson();
            assertTrue(json.contains(SeedAdam.class.getName()), json);
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
            assertEquals(conf, back);
            assertEquals(updater, assertInstanceOf(SeedAdam.class,
                    ((BaseLayer) back.getConf(1).getLayer()).getIUpdater()));

            MultiLayerNetwork original = new MultiLayerNetwork(conf);
            MultiLayerNetwork restored = new MultiLayerNetwork(back);
            original.init();
            restored.init();
            for (int step = 0; step < 2; step++) {
                original.fit(TinyNets.batch(step, DataType.DOUBLE));
                restored.fit(TinyNets.batch(step, DataType.DOUBLE));
            }
            assertEquals(original.params(), restored.params());
            assertEquals(original.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
        }
    }

    @Test
    void equalsCloneAndDefaults() {
        SeedAdam a = new SeedAdam(0.2, 0.8, 0.9, 1e-6);
        assertEquals(a, a.clone());
        assertEquals(a.hashCode(), a.clone().hashCode());
        assertNotEquals(a, new SeedAdam(0.2, 0.8, 0.9, 1e-7));
        assertEquals(new SeedAdam(1e-3, 0.9, 0.999, 1e-8), new SeedAdam());
        assertEquals(10, a.stateSize(5));
    }

    @Test
    void rejectsInvalidValuesNamingTheField() {
        assertMessage("learningRate", () -> new SeedAdam(0.0));
        assertMessage("learningRate", () -> new SeedAdam(Double.NaN));
        assertMessage("beta1", () -> new SeedAdam(1e-3, 1.0, 0.999, 1e-8));
        assertMessage("beta1", () -> new SeedAdam(1e-3, -0.1, 0.999, 1e-8));
        assertMessage("beta2", () -> new SeedAdam(1e-3, 0.9, 1.0, 1e-8));
        assertMessage("beta2", () -> new SeedAdam(1e-3, 0.9, Double.NaN, 1e-8));
        assertMessage("epsilon", () -> new SeedAdam(1e-3, 0.9, 0.999, 0.0));
        assertMessage("epsilon", () -> new SeedAdam(1e-3, 0.9, 0.999, Double.NaN));
        assertMessage("learningRateSchedule", () -> new SeedAdam(null));
        assertMessage("learningRate", () -> new SeedAdam().setLrAndSchedule(-1, null));
    }
}
