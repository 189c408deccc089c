package io.deepline.models.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class HeavyBallMomentumTest {

    @Test
    void threeHandComputedStepsFollowTheFormula() {
        // α = 0.1, β = 0.5
        // g1 = [1, -2, 0.5]  -> V1 = [1, -2, 0.5]        update = αV1 = [0.1, -0.2, 0.05]
        // g2 = [0.5, 1, -1]  -> V2 = [1, 0, -0.75]       update = [0.1, 0, -0.075]
        // g3 = [2, 0, 0]     -> V3 = [2.5, 0, -0.375]    update = [0.25, 0, -0.0375]
        INDArray view = Nd4j.create(DataType.DOUBLE, 1, 3).assign(42); // garbage that initialisation must clear
        GradientUpdater<?> u = new HeavyBallMomentum(0.1, 0.5).instantiate(view, true);
        double[][] grads = {{1, -2, 0.5}, {0.5, 1, -1}, {2, 0, 0}};
        double[][] updates = {{0.1, -0.2, 0.05}, {0.1, 0, -0.075}, {0.25, 0, -0.0375}};
        for (int step = 0; step < 3; step++) {
            INDArray g = Nd4j.createFromArray(grads[step]).reshape(1, 3);
            u.applyUpdater(g, step, 0);
            assertArrayEquals(updates[step], g.toDoubleVector(), 1e-15, "update of step " + (step + 1));
        }
        assertArrayEquals(new double[] {2.5, 0, -0.375}, view.toDoubleVector(), 1e-15,
                "V lives in DL4J's state view, so it is saved and averaged with the network");
    }

    @Test
    void namedStateArraysWorkLikeTheView() {
        INDArray v = Nd4j.create(DataType.DOUBLE, 3).assign(9);
        GradientUpdater<?> u = new HeavyBallMomentum(0.1, 0.5).instantiate(Map.of(HeavyBallMomentumUpdater.V_STATE, v), true);
        INDArray g = Nd4j.createFromArray(1.0, -2.0, 0.5); // rank 1, as DL4J's updater blocks pass it
        u.applyUpdater(g, 0, 0);
        assertArrayEquals(new double[] {0.1, -0.2, 0.05}, g.toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {1, -2, 0.5}, v.toDoubleVector(), 1e-15);
        assertEquals(v, u.getState().get(HeavyBallMomentumUpdater.V_STATE));
    }

    @Test
    void learningRateScheduleIsReadAtEachIteration() {
        HeavyBallMomentum config = new HeavyBallMomentum(new ExponentialSchedule(ScheduleType.ITERATION, 1.0, 0.5), 0);
        GradientUpdater<?> u = config.instantiate(Nd4j.create(DataType.DOUBLE, 1, 1), true);
        INDArray g = Nd4j.ones(DataType.DOUBLE, 1, 1);
        u.applyUpdater(g, 3, 0);
        assertEquals(0.125, g.getDouble(0), 1e-15, "α at iteration 3 is 1.0 · 0.5³");
    }

    @Test
    void withZeroMomentumTrainsBitForBitLikeDl4jSgd() {
        MultiLayerNetwork sgd = TinyNets.network(new Sgd(0.05), DataType.FLOAT);
        MultiLayerNetwork heavyBall = TinyNets.network(new HeavyBallMomentum(0.05, 0.0), DataType.FLOAT);
        assertEquals(sgd.params(), heavyBall.params());
        for (int step = 0; step < 4; step++) {
            DataSet batch = TinyNets.batch(step, DataType.FLOAT);
            sgd.fit(batch);
            heavyBall.fit(batch);
        }
        assertArrayEquals(sgd.params().toFloatVector(), heavyBall.params().toFloatVector(), 0f);
        assertNotEquals(TinyNets.network(new Sgd(0.05), DataType.FLOAT).params(), sgd.params(), "it did train");
    }

    @Test
    void dl4jFitMatchesTheFormulaComputedFromTheNetworksOwnGradients() {
        double alpha = 0.05;
        double beta = 0.9;
        MultiLayerNetwork net = TinyNets.network(new HeavyBallMomentum(alpha, beta), DataType.DOUBLE);
        double[] w = TinyNets.params(net);
        double[] v = new double[w.length];
        for (int step = 0; step < 5; step++) {
            DataSet batch = TinyNets.batch(100 + step, DataType.DOUBLE);
            CourseFormulas.heavyBallStep(w, v, TinyNets.gradient(net, batch), alpha, beta);
            net.fit(batch);
            assertArrayEquals(w, TinyNets.params(net), 1e-12, "params after step " + (step + 1));
            assertArrayEquals(v, TinyNets.updaterState(net), 1e-12, "V after step " + (step + 1));
        }
    }

    /**
     * Our trainer averages params and optimizer state across workers. Starting from V = 0, one step gives
     * V = g, so the mean of the workers' V is the V the formula gives for their mean gradient.
     */
    @Test
    void averagedStateEqualsTheStateOfTheAveragedGradient() {
        double alpha = 0.05;
        double beta = 0.9;
        MultiLayerNetwork a = TinyNets.network(new HeavyBallMomentum(alpha, beta), DataType.DOUBLE);
        MultiLayerNetwork b = TinyNets.network(new HeavyBallMomentum(alpha, beta), DataType.DOUBLE);
        double[] w0 = TinyNets.params(a);
        DataSet batchA = TinyNets.batch(7, DataType.DOUBLE);
        DataSet batchB = TinyNets.batch(8, DataType.DOUBLE);
        double[] gA = TinyNets.gradient(a, batchA);
        double[] gB = TinyNets.gradient(b, batchB);
        a.fit(batchA);
        b.fit(batchB);

        double[] meanState = mean(TinyNets.updaterState(a), TinyNets.updaterState(b));
        double[] meanParams = mean(TinyNets.params(a), TinyNets.params(b));
        double[] w = w0.clone();
        double[] v = new double[w.length];
        CourseFormulas.heavyBallStep(w, v, mean(gA, gB), alpha, beta);
        assertTrue(CourseFormulas.maxAbsDiff(gA, gB) > 1e-3, "the two batches give different gradients");
        assertArrayEquals(v, meanState, 1e-12);
        assertArrayEquals(w, meanParams, 1e-12);
    }

    @Test
    void configurationSurvivesJsonRoundTripAndTrainsTheSame() {
        for (HeavyBallMomentum updater : new HeavyBallMomentum[] {new HeavyBallMomentum(0.03, 0.7),
                new HeavyBallMomentum(new ExponentialSchedule(ScheduleType.EPOCH, 0.1, 0.9), 0.5)}) {
            MultiLayerConfiguration conf = TinyNets.regression(updater, DataType.DOUBLE);
            String json = conf.toJson();
            assertTrue(json.contains(HeavyBallMomentum.class.getName()), json);
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
            assertEquals(conf, back);
            HeavyBallMomentum read = assertInstanceOf(HeavyBallMomentum.class,
                    ((BaseLayer) back.getConf(0).getLayer()).getIUpdater());
            assertEquals(updater, read);

            MultiLayerNetwork original = new MultiLayerNetwork(conf);
            MultiLayerNetwork restored = new MultiLayerNetwork(back);
            original.init();
            restored.init();
            for (int step = 0; step < 2; step++) {
                original.fit(TinyNets.batch(step, DataType.DOUBLE));
                restored.fit(TinyNets.batch(step, DataType.DOUBLE));
            }
            assertEquals(original.params(), restored.params());
        }
    }

    @Test
    void equalsCloneAndDefaults() {
        HeavyBallMomentum h = new HeavyBallMomentum(0.2, 0.3);
        assertEquals(h, h.clone());
        assertEquals(h.hashCode(), h.clone().hashCode());
        assertNotEquals(h, new HeavyBallMomentum(0.2, 0.4));
        assertEquals(new HeavyBallMomentum(0.1, 0.9), new HeavyBallMomentum());
        assertEquals(5, h.stateSize(5));
    }

    @Test
    void rejectsInvalidValuesNamingTheField() {
        assertMessage("learningRate", () -> new HeavyBallMomentum(0.0, 0.9));
        assertMessage("learningRate", () -> new HeavyBallMomentum(-0.1, 0.9));
        assertMessage("learningRate", () -> new HeavyBallMomentum(Double.NaN, 0.9));
        assertMessage("learningRate", () -> new HeavyBallMomentum(Double.POSITIVE_INFINITY, 0.9));
        assertMessage("momentum", () -> new HeavyBallMomentum(0.1, 1.0));
        assertMessage("momentum", () -> new HeavyBallMomentum(0.1, -0.01));
        assertMessage("momentum", () -> new HeavyBallMomentum(0.1, Double.NaN));
        assertMessage("learningRateSchedule", () -> new HeavyBallMomentum(null, 0.9));
        assertMessage("learningRate", () -> new HeavyBallMomentum().setLrAndSchedule(0, null));
    }

    static double[] mean(double[] a, double[] b) {
        double[] m = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            m[i] = (a[i] + b[i]) / 2;
        }
        return m;
    }

    static void assertMessage(String expectedPart, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message '" + e.getMessage() + "' lacks " + expectedPart);
    }
}
