package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.optim.SeedAdam;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** Adam's β1, β2 and ε: validated, defaulting to the values every network had before, and reaching DL4J's config. */
class AdamMomentsTest {
    private static final AdamMoments CUSTOM = new AdamMoments(0.8, 0.99, 1e-6);

    @Test
    void defaultsAreTheFixedValuesOfBefore() {
        assertEquals(new AdamMoments(0.9, 0.999, 1e-8), AdamMoments.DEFAULT);
        SeedAdam plain = new SeedAdam(1e-3);
        assertEquals(plain.getBeta1(), AdamMoments.DEFAULT.beta1());
        assertEquals(plain.getBeta2(), AdamMoments.DEFAULT.beta2());
        assertEquals(plain.getEpsilon(), AdamMoments.DEFAULT.epsilon());
        assertEquals(AdamMoments.DEFAULT, NetworkTraining.defaults().adam());
        // The seven-value constructor every spec used keeps the old moments.
        assertEquals(AdamMoments.DEFAULT, new NetworkTraining(WeightInitScheme.AUTO, 0, UpdaterKind.ADAM, 0.01, 0.9,
                LearningRateSchedule.NONE, 1).adam());
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheParam() {
        assertMessage(() -> new AdamMoments(1.0, 0.999, 1e-8), "adamBeta1 is 1.0", "[0, 1)");
        assertMessage(() -> new AdamMoments(-0.1, 0.999, 1e-8), "adamBeta1 is -0.1");
        assertMessage(() -> new AdamMoments(0.9, 1.5, 1e-8), "adamBeta2 is 1.5", "e.g. 0.999");
        assertMessage(() -> new AdamMoments(0.9, Double.NaN, 1e-8), "adamBeta2 is NaN");
        assertMessage(() -> new AdamMoments(0.9, 0.999, 0), "adamEpsilon is 0.0", "> 0");
        assertMessage(() -> new AdamMoments(0.9, 0.999, Double.POSITIVE_INFINITY), "adamEpsilon is Infinity");
        assertMessage(() -> NetworkTraining.defaults().withAdam(null), "adam must be set");
        // Edges of the ranges are fine: β = 0 forgets at once, any ε > 0.
        new AdamMoments(0.0, 0.0, Double.MIN_VALUE);
    }

    @Test
    void theUpdaterCarriesTheMomentsWithAndWithoutSchedule() {
        SeedAdam fixed = (SeedAdam) UpdaterKind.ADAM.create(0.01, null, 0.9, CUSTOM);
        assertMoments(fixed);
        assertEquals(0.01, fixed.getLearningRate());
        SeedAdam scheduled = (SeedAdam) UpdaterKind.ADAM.create(0.01,
                new ExponentialSchedule(ScheduleType.EPOCH, 0.01, 0.5), 0.9, CUSTOM);
        assertMoments(scheduled);
        assertTrue(Double.isNaN(scheduled.getLearningRate()), "a scheduled Adam takes its rate from the schedule");
        // Other updaters ignore the moments.
        assertEquals(UpdaterKind.SGD.create(0.01, null, 0.9), UpdaterKind.SGD.create(0.01, null, 0.9, CUSTOM));
    }

    @Test
    void momentsReachEveryLayerOfTheDl4jConfigurations() {
        NetworkTraining training = NetworkTraining.defaults().withAdam(CUSTOM);
        MlpSpec mlp = MlpSpec.builder().hiddenLayers(new int[] {3}).training(training).build();
        MultiLayerConfiguration conf = mlp.toConfiguration(2, OutputHead.gaussian(1));
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            assertMoments(((BaseLayer) layer.getLayer()).getIUpdater());
        }
        // A residual MLP is a graph: its layers and the vertices DL4J gives no global updater.
        ComputationGraphConfiguration graph = mlp.toBuilder().residual(true).build()
                .toGraphConfiguration(2, OutputHead.gaussian(1));
        int layers = 0;
        for (var vertex : graph.getVertices().values()) {
            if (vertex instanceof LayerVertex v && v.getLayerConf().getLayer() instanceof BaseLayer layer) {
                assertMoments(layer.getIUpdater());
                layers++;
            }
        }
        assertTrue(layers >= 2, "the residual graph has its layers as vertices");
        assertEquals(new SeedAdam(training.learningRate(), 0.8, 0.99, 1e-6), training.vertexUpdater());
    }

    private static void assertMoments(IUpdater updater) {
        SeedAdam adam = assertInstanceOf(SeedAdam.class, updater);
        assertEquals(0.8, adam.getBeta1());
        assertEquals(0.99, adam.getBeta2());
        assertEquals(1e-6, adam.getEpsilon());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }
}
