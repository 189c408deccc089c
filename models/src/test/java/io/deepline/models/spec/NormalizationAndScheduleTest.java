package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.layers.LayerNorm;
import io.deepline.models.optim.HeavyBallMomentum;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/** Normalization layers sit where the course puts them (§4.5.4), and learning rates decay by epoch (§1.6). */
class NormalizationAndScheduleTest {

    private static List<Layer> layers(Normalization normalization) {
        MultiLayerConfiguration conf = MlpSpec.builder().hiddenLayers(6).activation(HiddenActivation.RELU)
                .normalization(normalization).build().toConfiguration(3, 2);
        return conf.getConfs().stream().map(c -> c.getLayer()).toList();
    }

    @Test
    void batchNormBeforeTheActivationNormalisesPreActivations() {
        List<Layer> l = layers(Normalization.BATCH_BEFORE_ACTIVATION);
        assertEquals(4, l.size());
        assertInstanceOf(ActivationIdentity.class, ((DenseLayer) l.get(0)).getActivationFn(), "W·x stays linear");
        assertInstanceOf(BatchNormalization.class, l.get(1));
        assertInstanceOf(ActivationReLU.class, ((ActivationLayer) l.get(2)).getActivationFn());
        assertInstanceOf(OutputLayer.class, l.get(3));
    }

    @Test
    void batchNormAfterTheActivation() {
        List<Layer> l = layers(Normalization.BATCH_AFTER_ACTIVATION);
        assertEquals(3, l.size());
        assertInstanceOf(ActivationReLU.class, ((DenseLayer) l.get(0)).getActivationFn());
        assertInstanceOf(BatchNormalization.class, l.get(1));
    }

    @Test
    void layerNormNormalisesPreActivationsWithOurLayer() {
        List<Layer> l = layers(Normalization.LAYER);
        assertEquals(4, l.size());
        assertInstanceOf(ActivationIdentity.class, ((DenseLayer) l.get(0)).getActivationFn());
        assertTrue(!((DenseLayer) l.get(0)).hasLayerNorm(), "not DL4J's ε-free layer norm");
        assertInstanceOf(LayerNorm.class, l.get(1));
        assertInstanceOf(ActivationReLU.class, ((ActivationLayer) l.get(2)).getActivationFn());
        MultiLayerConfiguration conf = MlpSpec.builder().hiddenLayers(6).normalization(Normalization.LAYER).build()
                .toConfiguration(3, 2);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
    }

    @Test
    void momentumIsTheCoursesHeavyBall() {
        DenseLayer dense = (DenseLayer) MlpSpec.builder().hiddenLayers(2).updater(UpdaterKind.MOMENTUM)
                .learningRate(0.1).momentum(0.8).build().toConfiguration(2, 2).getConf(0).getLayer();
        HeavyBallMomentum heavyBall = assertInstanceOf(HeavyBallMomentum.class, dense.getIUpdater());
        assertEquals(0.8, heavyBall.getMomentum(), 0.0);
        assertEquals(0.1, heavyBall.getLearningRate(), 0.0);
    }

    @Test
    void userNamesMapToNormalizations() {
        assertEquals(Normalization.BATCH_AFTER_ACTIVATION, Normalization.of("Batch", "after"));
        assertEquals(Normalization.BATCH_BEFORE_ACTIVATION, Normalization.of("batch", "before"));
        assertEquals(Normalization.LAYER, Normalization.of("layer", "before"));
        assertThrows(IllegalArgumentException.class, () -> Normalization.of("group", "before"));
        assertThrows(IllegalArgumentException.class, () -> Normalization.of("batch", "middle"));
    }

    @Test
    void schedulesDecayTheLearningRateByEpoch() {
        ISchedule step = scheduleOf(new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 2));
        ISchedule exponential = scheduleOf(new LearningRateSchedule(LearningRateSchedule.Kind.EXPONENTIAL, 0.9, 1));
        for (int epoch = 0; epoch < 6; epoch++) {
            assertEquals(0.1 * Math.pow(0.5, epoch / 2), step.valueAt(100 * epoch, epoch), 1e-12, "step, epoch " + epoch);
            assertEquals(0.1 * Math.pow(0.9, epoch), exponential.valueAt(100 * epoch, epoch), 1e-12, "exp, " + epoch);
        }
        assertNull(((Sgd) ((DenseLayer) MlpSpec.builder().hiddenLayers(2).updater(UpdaterKind.SGD).learningRate(0.1)
                .build().toConfiguration(2, 2).getConf(0).getLayer()).getIUpdater()).getLearningRateSchedule());
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 1.5, 2), "lrDecay");
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 0), "lrDecayEpochs");
    }

    private static ISchedule scheduleOf(LearningRateSchedule schedule) {
        MultiLayerConfiguration conf = MlpSpec.builder().hiddenLayers(2).updater(UpdaterKind.SGD).learningRate(0.1)
                .lrSchedule(schedule).build().toConfiguration(2, 2);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()), "schedules survive JSON");
        return ((Sgd) ((DenseLayer) conf.getConf(0).getLayer()).getIUpdater()).getLearningRateSchedule();
    }
}
