package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deepline.pipelines.classification.DeepClassifier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The fit label reaches the stage name of the training settings, per thread, and leaves no trace. */
class FitLabelTest {

    @Test
    void theSettingsOfALabelledFitCarryTheLabelInFrontOfTheStageName() throws Exception {
        DeepClassifier clf = new DeepClassifier();
        String label = "tune 3/12 (hiddenLayers=[32,16], learningRate=0.003, fold 2/3)";
        String named = FitLabel.with(label, () -> TrainingSettings.of(clf, "DeepClassifier", 1).stageName());
        assertEquals(label + " DeepClassifier", named);
        assertEquals("DeepClassifier", TrainingSettings.of(clf, "DeepClassifier", 1).stageName(), "no label after");
        assertNull(FitLabel.current());
        assertEquals("DeepClassifier", FitLabel.with(label, () -> FitLabel.undecorate(named)));

        AtomicReference<String> seenByOtherThread = new AtomicReference<>("unset");
        FitLabel.with("outer", () -> {
            Thread other = new Thread(() -> seenByOtherThread.set(FitLabel.current()));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertEquals("inner", FitLabel.with("inner", FitLabel::current), "the innermost label wins");
            assertEquals("outer", FitLabel.current(), "and the outer one is restored");
            return null;
        });
        assertNull(seenByOtherThread.get(), "a label belongs to its thread: concurrent fits do not share one");
        assertThrows(IllegalArgumentException.class, () -> FitLabel.with(" ", () -> null));
    }
}
