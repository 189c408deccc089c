package io.deepline.pipelines.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage contract of EnsembleEstimator and EnsembleModel: uid, copy, Params, save and load (alone and inside a
 * Pipeline), and errors that name the path of a corrupt or unsavable ensemble.
 */
@ExtendWith(SparkSessionExtension.class)
class EnsemblePersistenceTest {
    private static Dataset<Row> iris;
    private static DeepClassifier deep;
    private static EnsembleEstimator estimator;
    private static EnsembleModel model;

    @BeforeAll
    static void fitOnce() {
        iris = DataSamples.iris(SparkSessionExtension.session());
        deep = new DeepClassifier().setHiddenLayers(new int[] {8}).setMaxEpochs(5).setLearningRate(0.02)
                .setNumWorkers(2).setSeed(4);
        estimator = new EnsembleEstimator(List.of(deep, new LogisticRegression().setMaxIter(20)))
                .setVoting("hard").setPredictionCol("vote");
        model = estimator.fit(iris);
    }

    private static List<Row> scores(Dataset<Row> scored) {
        return scored.select("rawPrediction", "vote").collectAsList();
    }

    @Test
    void stagesAreWellFormedAndKeepUidsThroughFitAndCopy() {
        StageContract.assertWellFormedStage(estimator);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(estimator, model);
        assertEquals("hard", model.getVoting(), "fit copies the shared Params onto the model");
        assertEquals("vote", model.getPredictionCol());
        assertEquals(2, estimator.getNumMembers(), "with a list, numMembers is its size");
        assertInstanceOf(DeepClassificationModel.class, model.members().get(0));
        assertInstanceOf(LogisticRegressionModel.class, model.members().get(1));
        assertEquals(3, model.numClasses());
    }

    @Test
    void copyPassesExtraParamsOnToTheMembers() {
        EnsembleEstimator copy = estimator.copy(new ParamMap().put(deep.maxEpochs(), 1));
        assertEquals(1, ((DeepClassifier) copy.estimators().get(0)).getMaxEpochs(), "tuning reaches the members");
        assertEquals(5, deep.getMaxEpochs(), "the original is untouched");
        EnsembleModel modelCopy = model.copy(ParamMap.empty());
        assertTrue(modelCopy.members().get(0) != model.members().get(0), "a model copy copies its members");
        assertEquals(scores(model.transform(iris)), scores(modelCopy.transform(iris)));
    }

    @Test
    void modelAndEstimatorSaveAndLoad(@TempDir Path dir) throws IOException {
        EnsembleModel loaded = StageContract.assertSaveAndLoad(model, dir, EnsembleModel::load);
        assertEquals(scores(model.transform(iris)), scores(loaded.transform(iris)), "identical predictions");
        assertInstanceOf(DeepClassificationModel.class, loaded.members().get(0));
        assertInstanceOf(LogisticRegressionModel.class, loaded.members().get(1));
        StageContract.assertSameParams(model.members().get(1), loaded.members().get(1));

        EnsembleEstimator loadedEstimator = StageContract.assertSaveAndLoad(estimator, dir, EnsembleEstimator::load);
        assertEquals(2, loadedEstimator.estimators().size());
        StageContract.assertSameParams(deep, loadedEstimator.estimators().get(0));
        assertInstanceOf(LogisticRegression.class, loadedEstimator.estimators().get(1));
    }

    @Test
    void roundTripsInsideAPipeline(@TempDir Path dir) throws IOException {
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"features"}).setOutputCol("scaled");
        EnsembleEstimator copies = new EnsembleEstimator(new DeepClassifier().setFeaturesCol("scaled")
                .setHiddenLayers(new int[] {6}).setMaxEpochs(2).setNumWorkers(2)).setNumMembers(2).setSeed(9);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, copies});
        pipeline.write().overwrite().save(dir.resolve("pipeline").toString());
        Pipeline loadedPipeline = Pipeline.load(dir.resolve("pipeline").toString());
        EnsembleEstimator loadedCopies = (EnsembleEstimator) loadedPipeline.getStages()[1];
        assertEquals(2, loadedCopies.getNumMembers());
        assertEquals(9L, loadedCopies.getSeed());
        assertEquals("scaled", ((DeepClassifier) loadedCopies.estimators().get(0)).getFeaturesCol());

        PipelineModel fitted = loadedPipeline.fit(iris);
        String path = dir.resolve("fitted").toString();
        fitted.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        List<Row> expected = fitted.transform(iris).select("rawPrediction", "probability", "prediction").collectAsList();
        assertEquals(expected, loaded.transform(iris).select("rawPrediction", "probability", "prediction")
                .collectAsList(), "the loaded pipeline predicts as the saved one");
        assertEquals(2, ((EnsembleModel) loaded.stages()[1]).numMembers());
    }

    @Test
    void corruptOrIncompleteDirectoriesAreNamed(@TempDir Path dir) throws IOException {
        Path saved = dir.resolve("saved");
        model.save(saved.toString());

        Path noMetadata = copyOf(saved, dir.resolve("no-metadata"));
        deleteRecursively(noMetadata.resolve("members/1/metadata"));
        assertLoadFailsNaming(noMetadata, noMetadata.resolve("members/1"));

        Path noMember = copyOf(saved, dir.resolve("no-member"));
        deleteRecursively(noMember.resolve("members/1"));
        assertLoadFailsNaming(noMember, noMember.resolve("members/1"));

        Path badJson = copyOf(saved, dir.resolve("bad-json"));
        try (Stream<Path> files = Files.list(badJson.resolve("members/0/metadata"))) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                Files.writeString(part, "{not json");
            }
        }
        assertLoadFailsNaming(badJson, badJson.resolve("members/0"));

        Path noNetwork = copyOf(saved, dir.resolve("no-network"));
        Files.delete(noNetwork.resolve("members/0/data/network.zip"));
        assertLoadFailsNaming(noNetwork, noNetwork.resolve("members/0"));
    }

    private static void assertLoadFailsNaming(Path ensemble, Path culprit) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EnsembleModel.load(ensemble
                .toString()));
        assertTrue(e.getMessage().contains(culprit.toString()), e.getMessage());
    }

    /** A copy without Hadoop's .crc checksums, so edited files read back as edited. */
    private static Path copyOf(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                if (!p.getFileName().toString().endsWith(".crc")) {
                    Files.copy(p, target.resolve(source.relativize(p).toString()));
                }
            }
        }
        return target;
    }

    @Test
    void unsavableMembersFailBeforeAnythingIsOverwritten(@TempDir Path dir) throws IOException {
        Dataset<Row> line = EnsembleSamples.linear(iris.sparkSession(), 20, 1);
        EnsembleModel savable = new EnsembleModel(List.of(new LinearRegression().fit(line)));
        String path = dir.resolve("ensemble").toString();
        savable.save(path);
        EnsembleModel unsavable = new EnsembleModel(List.of(savable.members().get(0),
                new UnsavableRegressionModel("constant")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unsavable.write().overwrite()
                .save(path));
        assertTrue(e.getMessage().contains("member 1") && e.getMessage().contains("MLWritable"), e.getMessage());
        assertEquals(1, EnsembleModel.load(path).numMembers(), "the saved ensemble is still there");
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
