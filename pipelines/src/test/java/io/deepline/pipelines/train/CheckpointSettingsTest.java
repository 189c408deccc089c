package io.deepline.pipelines.train;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.sequence.Seq2Seq;
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
    void theDigestCoversWhatChangesTrainingAndNotWhereOrHowLong() {
        String base = ParamsDigest.of(new DeepClassifier(), 2);
        assertEquals(base, ParamsDigest.of(new DeepClassifier(), 2), "a new uid does not matter");
        assertEquals(base, ParamsDigest.of(new DeepClassifier().setCheckpointDir("/x").setCheckpointInterval(3)
                .setCheckpointMode("overwrite").setMaxEpochs(50), 2));
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier().setLearningRate(0.5), 2));
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier().setHiddenLayers(new int[] {3}), 2));
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier(), 3), "the resolved number of workers");
        assertNotEquals(base, ParamsDigest.of(new DeepClassifier().setWeightCol("w"), 2), "set vs unset");
        assertNotEquals(ParamsDigest.of(new Seq2Seq(), 2), ParamsDigest.of(new Seq2Seq().setSeed(1), 2));
    }
}
