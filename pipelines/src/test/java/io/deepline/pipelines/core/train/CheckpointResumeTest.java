package io.deepline.pipelines.core.train;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.sequence.SequenceClassifier;
import io.deepline.pipelines.sequence.SequenceTasks;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint and resume (issue 8): a fit interrupted after epoch k and fitted again ends bit for bit where an
 * uninterrupted fit ends; a checkpoint of other params is refused unless checkpointMode=overwrite.
 */
@ExtendWith(SparkSessionExtension.class)
class CheckpointResumeTest {

    /** Two workers, Adam (optimizer state to restore) and dropout (per-round RNG to replay). */
    private static DeepClassifier classifier() {
        return new DeepClassifier().setHiddenLayers(new int[] {8}).setDropout(0.2).setUpdater("adam")
                .setLearningRate(0.02).setBatchSize(16).setAveragingFrequency(2).setNumWorkers(2).setSeed(5);
    }

    /** Fails after {@code epoch}, as a driver killed there would. */
    private static TrainingListener crashAfter(int epoch) {
        return (stats, maxEpochs) -> {
            if (stats.epoch() == epoch) {
                throw new IllegalStateException("simulated crash after epoch " + epoch);
            }
        };
    }

    /** A GRU over variable-length sequences, trained by two workers with Adam. */
    private static SequenceClassifier sequenceClassifier() {
        return new SequenceClassifier().setFeaturesCol("seq").setCell("gru").setHiddenSize(6).setBatchSize(16)
                .setAveragingFrequency(2).setNumWorkers(2).setSeed(11).setMaxEpochs(3);
    }

    private static TrainingListener recordingInto(List<Integer> epochs) {
        return (stats, maxEpochs) -> epochs.add(stats.epoch());
    }

    @Test
    void aResumedFitEqualsAnUninterruptedOneBitForBit(SparkSession spark, @TempDir Path dir) throws Exception {
        Dataset<Row> iris = DataSamples.iris(spark);
        DeepClassificationModel uninterrupted = classifier().setMaxEpochs(4).fit(iris);
        String checkpoints = dir.resolve("ckpt").toString();

        IllegalStateException crash = assertThrows(IllegalStateException.class, () -> classifier().setMaxEpochs(4)
                .setCheckpointDir(checkpoints).setTrainingListener(crashAfter(2)).fit(iris));
        assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
        assertTrue(Files.exists(dir.resolve("ckpt").resolve("epoch-00002.ckpt")), "epoch 2 was checkpointed");

        List<Integer> trained = new ArrayList<>();
        DeepClassificationModel resumed = classifier().setMaxEpochs(4).setCheckpointDir(checkpoints)
                .setTrainingListener(recordingInto(trained)).fit(iris);
        assertEquals(List.of(3, 4), trained, "only epochs 3 and 4 are trained again");
        assertSameNetwork(uninterrupted, resumed);
        TrainingHistory history = resumed.trainingHistory();
        assertEquals(List.of(1, 2, 3, 4), history.epochs().stream().map(EpochStats::epoch).toList());
        for (int e = 0; e < 4; e++) {
            EpochStats expected = uninterrupted.trainingHistory().epochs().get(e);
            assertEquals(expected.loss(), history.epochs().get(e).loss(), 0.0, "loss of epoch " + (e + 1));
            assertEquals(expected.examples(), history.epochs().get(e).examples());
        }

        // The checkpoint is now at maxEpochs: fitting again trains nothing and returns the same network.
        List<Integer> none = new ArrayList<>();
        DeepClassificationModel again = classifier().setMaxEpochs(4).setCheckpointDir(checkpoints)
                .setTrainingListener(recordingInto(none)).fit(iris);
        assertEquals(List.of(), none);
        assertSameNetwork(uninterrupted, again);
        assertEquals(history.epochs(), again.trainingHistory().epochs());

        assertFailsNaming(IllegalStateException.class, () -> classifier().setMaxEpochs(3)
                .setCheckpointDir(checkpoints).fit(iris), "epoch-00004.ckpt", "past maxEpochs 3", "maxEpochs");
    }

    @Test
    void earlyStoppingResumesWithItsBestEpochAndCounters(SparkSession spark, @TempDir Path dir) {
        Dataset<Row> iris = DataSamples.iris(spark);
        String checkpoints = dir.resolve("ckpt").toString();
        // A minDelta no epoch can beat: epoch 1 stays the best, and patience 2 stops the fit after epoch 3. The
        // checkpoint after epoch 2 must carry epoch 1's params and the one epoch without improvement.
        DeepClassificationModel uninterrupted = earlyStopping().fit(iris);
        assertTrue(uninterrupted.trainingHistory().stoppedEarly());
        assertEquals(3, uninterrupted.trainingHistory().numEpochs());
        assertEquals(1, uninterrupted.trainingHistory().bestEpoch());

        assertThrows(IllegalStateException.class, () -> earlyStopping().setCheckpointDir(checkpoints)
                .setTrainingListener(crashAfter(2)).fit(iris));
        List<Integer> trained = new ArrayList<>();
        DeepClassificationModel resumed = earlyStopping().setCheckpointDir(checkpoints)
                .setTrainingListener(recordingInto(trained)).fit(iris);
        assertEquals(List.of(3), trained, "stops after epoch 3, as the uninterrupted fit did");
        assertEquals(uninterrupted.trainingHistory().bestEpoch(), resumed.trainingHistory().bestEpoch());
        assertTrue(resumed.trainingHistory().stoppedEarly());
        assertSameNetwork(uninterrupted, resumed);
    }

    private static DeepClassifier earlyStopping() {
        return classifier().setMaxEpochs(10).setValidationFraction(0.3).setEarlyStoppingPatience(2)
                .setEarlyStoppingMinDelta(100.0);
    }

    @Test
    void aSequenceEstimatorResumesLikewise(SparkSession spark, @TempDir Path dir) {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 120, 7).cache();
        String checkpoints = dir.resolve("seq").toString();
        HasFittedNetwork uninterrupted = sequenceClassifier().fit(data);

        assertThrows(IllegalStateException.class, () -> sequenceClassifier().setCheckpointDir(checkpoints)
                .setTrainingListener(crashAfter(1)).fit(data));
        List<Integer> trained = new ArrayList<>();
        HasFittedNetwork resumed = sequenceClassifier().setCheckpointDir(checkpoints)
                .setTrainingListener(recordingInto(trained)).fit(data);
        assertEquals(List.of(2, 3), trained);
        assertSameNetwork(uninterrupted, resumed);
    }

    @Test
    void otherParamsAreRefusedUnlessOverwriting(SparkSession spark, @TempDir Path dir) {
        Dataset<Row> iris = DataSamples.iris(spark);
        String checkpoints = dir.resolve("ckpt").toString();
        classifier().setMaxEpochs(2).setCheckpointDir(checkpoints).fit(iris);

        assertFailsNaming(IllegalStateException.class, () -> classifier().setLearningRate(0.05).setMaxEpochs(2)
                .setCheckpointDir(checkpoints).fit(iris), checkpoints, "params", "checkpointMode=overwrite",
                "another checkpointDir");
        assertFailsNaming(IllegalStateException.class, () -> classifier().setNumWorkers(1).setMaxEpochs(2)
                .setCheckpointDir(checkpoints).fit(iris), checkpoints);
        // The same number of rows, classes and batches, other feature values (not standardized): other data.
        Dataset<Row> unscaled = DataSamples.labeledVectors(spark, "iris.csv", false);
        assertFailsNaming(IllegalStateException.class, () -> classifier().setMaxEpochs(2)
                .setCheckpointDir(checkpoints).fit(unscaled), checkpoints, "training data");

        List<Integer> trained = new ArrayList<>();
        DeepClassificationModel overwritten = classifier().setLearningRate(0.05).setMaxEpochs(2)
                .setCheckpointDir(checkpoints).setCheckpointMode("overwrite").setTrainingListener(recordingInto(trained))
                .fit(iris);
        assertEquals(List.of(1, 2), trained, "overwrite trains from scratch");
        // Its checkpoint replaced the old one: the new params now resume (nothing left to train), the old are refused.
        List<Integer> none = new ArrayList<>();
        DeepClassificationModel resumed = classifier().setLearningRate(0.05).setMaxEpochs(2)
                .setCheckpointDir(checkpoints).setTrainingListener(recordingInto(none)).fit(iris);
        assertEquals(List.of(), none);
        assertSameNetwork(overwritten, resumed);
        assertFailsNaming(IllegalStateException.class, () -> classifier().setMaxEpochs(2)
                .setCheckpointDir(checkpoints).fit(iris), checkpoints, "checkpointMode=overwrite");
    }

    @Test
    void checkpointsAreWrittenEveryIntervalAndAfterTheLastEpoch(SparkSession spark, @TempDir Path dir) {
        Dataset<Row> iris = DataSamples.iris(spark);
        String checkpoints = dir.resolve("ckpt").toString();
        CheckpointStore store = new CheckpointStore(new HadoopFiles(spark.sparkContext().hadoopConfiguration()),
                checkpoints);
        List<String> seen = new ArrayList<>();
        classifier().setMaxEpochs(5).setCheckpointDir(checkpoints).setCheckpointInterval(2)
                .setTrainingListener((stats, max) -> seen.add(stats.epoch() + ":" + store.latestPath()
                        .map(p -> store.read(p).epoch()).map(String::valueOf).orElse("none")))
                .fit(iris);
        assertEquals(List.of("1:none", "2:2", "3:2", "4:4", "5:5"), seen);
        assertEquals(List.of("epoch-00005.ckpt"), listing(dir.resolve("ckpt")), "older checkpoints are removed");
    }

    @Test
    void aTruncatedCheckpointIsAnErrorNamingItsPath(SparkSession spark, @TempDir Path dir) throws Exception {
        Dataset<Row> iris = DataSamples.iris(spark);
        String checkpoints = dir.resolve("ckpt").toString();
        classifier().setMaxEpochs(1).setCheckpointDir(checkpoints).fit(iris);
        Path file = dir.resolve("ckpt").resolve("epoch-00001.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertFailsNaming(IllegalStateException.class, () -> classifier().setMaxEpochs(2)
                .setCheckpointDir(checkpoints).fit(iris), "epoch-00001.ckpt", "corrupt", "checkpointMode=overwrite");
        // Overwrite does not read it, and replaces it.
        classifier().setMaxEpochs(1).setCheckpointDir(checkpoints).setCheckpointMode("overwrite").fit(iris);
        CheckpointStore store = new CheckpointStore(new HadoopFiles(spark.sparkContext().hadoopConfiguration()),
                checkpoints);
        assertEquals(1, store.read(file.toString()).epoch(), "rewritten whole");
    }

    private static List<String> listing(Path dir) {
        try (var files = Files.list(dir)) {
            // Hadoop's local file system keeps a ".<name>.crc" checksum beside each file; those are not ours.
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertSameNetwork(HasFittedNetwork expected, HasFittedNetwork actual) {
        NetworkSnapshot a = expected.networkSnapshot();
        NetworkSnapshot b = actual.networkSnapshot();
        assertArrayEquals(a.params(), b.params(), "params bit for bit");
        assertArrayEquals(a.updaterState(), b.updaterState(), "optimizer state bit for bit");
        assertTrue(a.updaterState().length > 0, "Adam has optimizer state to compare");
        assertEquals(a.iteration(), b.iteration());
        assertEquals(a.epoch(), b.epoch());
    }
}
