package io.deepline.pipelines.core.train;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.generative.AutoEncoder;
import io.deepline.pipelines.generative.VariationalAutoEncoder;
import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.regression.DeepRegressor;
import io.deepline.pipelines.sequence.Seq2Seq;
import io.deepline.pipelines.sequence.SequenceClassifier;
import io.deepline.pipelines.sequence.SequenceGenerator;
import io.deepline.pipelines.sequence.SequenceRegressor;
import io.deepline.pipelines.sequence.SequenceTagger;
import io.deepline.pipelines.sequence.TransformerClassifier;
import io.deepline.pipelines.vision.ImageClassifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checkpoint Params: defaults, validation, and which Params the digest covers. */
class CheckpointSettingsTest {

    @Test
    void checkpointingIsOffByDefault() {
        DeepClassifier clf = new DeepClassifier();
        assertEquals("", clf.getCheckpointDir());
        assertEquals(1, clf.getCheckpointInterval());
        assertEquals("resume", clf.getCheckpointMode());
        assertSame(CheckpointSettings.OFF, CheckpointSettings.of(clf, 2));
        assertFalse(CheckpointSettings.OFF.enabled());
    }

    @Test
    void theParamsAreValidated() {
        assertFailsNaming(IllegalArgumentException.class, () -> new DeepClassifier().setCheckpointInterval(0),
                "checkpointInterval");
        assertFailsNaming(IllegalArgumentException.class, () -> new Seq2Seq().setCheckpointMode("sometimes"),
                "checkpointMode");
        assertEquals(CheckpointMode.OVERWRITE, CheckpointSettings.of(new DeepClassifier().setCheckpointDir("/tmp/c")
                .setCheckpointMode(" Overwrite "), 2).mode());
        assertFailsNaming(IllegalArgumentException.class, () -> CheckpointSettings.of(new DeepClassifier()
                .setCheckpointDir("a:b"), 2), "checkpointDir", "'a:b'", "hdfs://");
        assertFailsNaming(IllegalArgumentException.class, () -> new CheckpointSettings("/tmp/c", 0,
                CheckpointMode.RESUME, ""), "checkpointInterval", "0");
        assertFailsNaming(IllegalArgumentException.class, () -> CheckpointMode.parse("later"), "checkpointMode",
                "resume or overwrite", "later");
    }

    @Test
    void everyNetworkEstimatorHasTheParamsAndADigest() {
        List<HasTrainingParams> estimators = List.of(new DeepClassifier(), new DeepRegressor(), new ImageClassifier(),
                new AutoEncoder(), new VariationalAutoEncoder(), new SequenceClassifier(), new SequenceRegressor(),
                new SequenceTagger(), new SequenceGenerator(), new Seq2Seq(), new TransformerClassifier());
        Set<String> digests = new HashSet<>();
        for (HasTrainingParams stage : estimators) {
            stage.set(stage.checkpointDir(), "/tmp/checkpoints");
            stage.set(stage.checkpointInterval(), 3);
            CheckpointSettings settings = CheckpointSettings.of(stage, 2);
            assertEquals("/tmp/checkpoints", settings.dir(), stage.getClass().getSimpleName());
            assertEquals(3, settings.interval());
            assertEquals(CheckpointMode.RESUME, settings.mode());
            digests.add(settings.paramsDigest());
        }
        assertEquals(estimators.size(), digests.size(), "the stage's class is part of the digest");
    }

    @Test
    void theDigestCoversWhatChangesTrainingAndNotWhereOrHowLong() {
        String base = ParamsDigest.of(new DeepClassifier(), 2);
        assertEquals(base, ParamsDigest.of(new DeepClassifier(), 2), "a new uid does not matter");
        assertEquals(base, ParamsDigest.of(new DeepClassifier().setCheckpointDir("/x").setCheckpointInterval(3)
                .setCheckpointMode("overwrite").setMaxEpochs(50), 2));
        assertEquals(base, ParamsDigest.of(new DeepClassifier().setDivergenceFactor(0), 2),
                "the divergence guard decides whether a fit fails, not what it computes");
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier().setLearningRate(0.5), 2));
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier().setHiddenLayers(new int[] {3}), 2));
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier(), 3), "the resolved number of workers");
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier().setWeightCol("w"), 2), "set vs unset");
        assertNotEquals(ParamsDigest.of(new Seq2Seq(), 2), ParamsDigest.of(new Seq2Seq().setSeed(1), 2));
    }
}
