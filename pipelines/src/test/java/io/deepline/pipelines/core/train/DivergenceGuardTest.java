package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fit that ends with a training loss far above its start, without ever becoming NaN, fails. */
@ExtendWith(SparkSessionExtension.class)
class DivergenceGuardTest {

    /**
     * Plain SGD on standardized iris. With a step of 10 the epochs' losses are 1.48, 8.39, 8.95 (measured) from a
     * start of about 1.1 (ln 3): up, finite; larger steps turn it NaN, which the trainer refuses anyway.
     */
    private static DeepClassifier sgd(double learningRate) {
        return new DeepClassifier().setHiddenLayers(new int[] {8}).setUpdater("sgd").setLearningRate(learningRate)
                .setMaxEpochs(3).setBatchSize(16).setNumWorkers(1);
    }

    private static EpochStats epoch(int epoch, double loss, Double validationLoss) {
        return new EpochStats(epoch, loss, 1.0, 10, 10.0, validationLoss, validationLoss == null ? null : 0.5);
    }

    @Test
    void aDivergingFitFailsNamingTheLossesAndTheRemedies(SparkSession spark) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sgd(10).fit(DataSamples.iris(spark)));
        for (String part : List.of("DeepClassifier", "at the start", "in epoch 3", "divergenceFactor 3 times",
                "learningRate", "StandardScaler", "0 turns the check off")) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void withTheGuardOffTheSameFitEndsFarAboveItsStartWithoutNaN(SparkSession spark) {
        List<EpochStats> epochs = sgd(10).setDivergenceFactor(0).fit(DataSamples.iris(spark))
                .trainingHistory().epochs();
        double first = epochs.get(0).loss();
        double last = epochs.get(epochs.size() - 1).loss();
        assertTrue(Double.isFinite(last) && last > 3 * first, "losses " + epochs);
    }

    @Test
    void aSaneLearningRatePasses(SparkSession spark) {
        List<EpochStats> epochs = sgd(1).fit(DataSamples.iris(spark)).trainingHistory().epochs();
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2).loss() < epochs.get(0).loss(), "losses " + epochs);
    }

    @Test
    void invalidFactorsAreRefusedByTheParam() {
        for (double bad : new double[] {1.0, 0.5, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DeepClassifier().setDivergenceFactor(bad), () -> "factor " + bad);
            assertTrue(e.getMessage().contains("divergenceFactor"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new DivergenceGuard(bad));
        }
        assertEquals(1.5, new DeepClassifier().setDivergenceFactor(1.5).getDivergenceFactor());
        assertEquals(3.0, new DeepClassifier().getDivergenceFactor());
    }

    @Test
    void theLimitIsFactorTimesTheStartLoss() {
        DivergenceGuard guard = new DivergenceGuard(3);
        assertDoesNotThrow(() -> guard.check("s", 1.0, epoch(5, 3.0, null)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> guard.check("s", 1.0, epoch(5, 3.01, null)));
        assertTrue(e.getMessage().contains("from 1.000 at the start to 3.010 in epoch 5"), e.getMessage());
        assertDoesNotThrow(() -> DivergenceGuard.OFF.check("s", 1.0, epoch(5, 1e9, null)));
    }

    @Test
    void aStartLossOfZeroOrBelowIsNeverJudged() {
        DivergenceGuard guard = new DivergenceGuard(3);
        assertDoesNotThrow(() -> guard.check("s", 0.0, epoch(2, 1e-3, null)));
        assertDoesNotThrow(() -> guard.check("s", -2.0, epoch(2, 5.0, null)));
    }

    @Test
    void theKeptEpochIsJudgedByItsTrainingAndItsValidationLoss() {
        DivergenceGuard guard = new DivergenceGuard(3);
        assertDoesNotThrow(() -> guard.checkKept("s", 1.0, epoch(1, 1.0, 0.8)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> guard.checkKept("s", 1.0, epoch(1, 1.0, 14.0)));
        assertTrue(e.getMessage().contains("validation loss of epoch 1") && e.getMessage().contains("14.00"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> guard.checkKept("s", 1.0, epoch(4, 3.5, 0.9)));
    }
}
