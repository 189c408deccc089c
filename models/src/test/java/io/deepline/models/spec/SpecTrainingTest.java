package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The specs keep their optimizer settings as one NetworkTraining; the one-value setters and training(..) agree. */
class SpecTrainingTest {
    private static final NetworkTraining SGD = new NetworkTraining(WeightInitScheme.HE, 1e-4, UpdaterKind.SGD, 0.05,
            0.5, LearningRateSchedule.NONE, 7);

    @Test
    void oneValueSettersAndTrainingGiveTheSameSpec() {
        MlpSpec bySetters = MlpSpec.builder().weightInit(WeightInitScheme.HE).l2(1e-4).updater(UpdaterKind.SGD)
                .learningRate(0.05).momentum(0.5).seed(7).build();
        MlpSpec byTraining = MlpSpec.builder().training(SGD).build();
        assertEquals(bySetters, byTraining);
        assertEquals(SGD, byTraining.training());
        assertEquals(0.05, byTraining.learningRate());
        assertEquals(SGD, SequenceSpec.builder().training(SGD).build().toBuilder().build().training());
        assertEquals(SGD, Seq2SeqSpec.builder().sourceVocabularySize(6).targetVocabularySize(6).training(SGD).build()
                .training());
    }

    @Test
    void anInvalidValueIsStillReportedByBuildNamingIt() {
        MlpSpec.Builder builder = MlpSpec.builder().learningRate(-1); // no exception yet: the builder only collects
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("learningRate is -1.0"), e.getMessage());
    }

    @Test
    void aSeq2SeqSpecRefusesAScheduleItsGraphsWouldIgnore() {
        Seq2SeqSpec.Builder builder = Seq2SeqSpec.builder().sourceVocabularySize(6).targetVocabularySize(6)
                .training(new NetworkTraining(WeightInitScheme.AUTO, 0, UpdaterKind.ADAM, 1e-3, 0.9,
                        new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.5, 2), 42));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("lrSchedule") && e.getMessage().contains("LearningRateSchedule.NONE"),
                e.getMessage());
    }
}
