package io.deepline.jobs.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.model.ModelTypes;
import io.deepline.pipelines.testing.DataSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobConfigLoaderTest {

    private static final String MINIMAL = """
            name: minimal
            data: {path: in.csv, label: y}
            model: {type: DeepClassifier}
            output: {model: out/model}
            """;

    private final JobConfigLoader loader = new JobConfigLoader();

    @Test
    void readsEverySection() {
        JobConfig c = loader.parse("""
                name: digits-mlp
                spark: {master: "local[2]", conf: {spark.sql.shuffle.partitions: 4}}
                data:
                  path: hdfs:///data/digits.csv
                  format: CSV
                  options: {header: true}
                  label: label
                  features: [p0, p1]
                split: {train: 0.7, test: 0.3, seed: 7}
                preprocess: {standardize: true}
                model:
                  type: DeepClassifier
                  params: {hiddenLayers: [64, 32], learningRate: 1e-3}
                output: {model: target/m, metrics: target/m.json}
                """);

        assertAll(
                () -> assertEquals("digits-mlp", c.name()),
                () -> assertEquals("local[2]", c.spark().master()),
                () -> assertEquals(Map.of("spark.sql.shuffle.partitions", "4"), c.spark().conf()),
                () -> assertEquals(DataFormat.CSV, c.data().format()),
                () -> assertEquals(Map.of("header", "true"), c.data().options()),
                () -> assertEquals(List.of("p0", "p1"), c.data().features()),
                () -> assertEquals(new SplitSection(0.7, 0.3, 7L), c.split()),
                () -> assertTrue(c.preprocess().standardize()),
                () -> assertEquals(0.001, c.model().params().get("learningRate").asDouble()),
                () -> assertEquals(2, c.model().params().get("hiddenLayers").size()),
                () -> assertEquals("target/m.json", c.output().metricsPath()));
    }

    @Test
    void optionalSectionsHaveDefaults() {
        JobConfig c = loader.parse(MINIMAL);

        assertAll(
                () -> assertNull(c.spark().master()),
                () -> assertEquals(DataFormat.CSV, c.data().format()),
                () -> assertFalse(c.data().hasExplicitFeatures()),
                () -> assertEquals(SplitSection.DEFAULT, c.split()),
                () -> assertFalse(c.preprocess().standardize()),
                () -> assertTrue(c.model().params().isEmpty()),
                () -> assertEquals("out/model/metrics.json", c.output().metricsPath()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris-mlp.yaml", "digits-mlp.yaml", "digits-retrain.yaml", "spam-lstm.yaml",
            "spam-transformer.yaml", "digits-cnn.yaml", "mnist-cnn.yaml", "digits-autoencoder.yaml", "mnist-vae.yaml",
            "diabetes-categorical.yaml", "diabetes-polynomial.yaml", "iris-ensemble.yaml", "cancer-balanced.yaml",
            "iris-diagnostics.yaml", "diabetes-gradient-stop.yaml", "iris-adam-moments.yaml"})
    void shippedExamplesParseAndTheirParamsBind(String example) throws Exception {
        Path file = DataSamples.dir().resolveSibling("conf/examples").resolve(example);

        JobConfig c = loader.load(file.toString(), new Configuration());

        assertTrue(Files.exists(DataSamples.dir().resolveSibling(c.data().path())), c.data().path());
        ModelTypes.standard().configure(c.model(), "model");
    }

    @Test
    void theShippedPredictExampleParsesWithItsDefaultsAndChecks() throws Exception {
        PredictJobConfig c = loader.loadPredict(
                DataSamples.dir().resolveSibling("conf/examples/predict-digits.yaml").toString(), new Configuration());
        assertEquals("target/models/digits-mlp", c.predict().model());
        assertEquals("parquet", c.predict().output().format());
        assertTrue(c.predict().output().overwrite());
        assertThrows(JobConfigException.class, () -> loader.parsePredict("name: p\npredict: {model: m}\n"));
        JobConfigException typo = assertThrows(JobConfigException.class, () -> loader.parsePredict(
                "name: p\npredict: {model: m, input: {path: i}, output: {path: o}, outptu: 1}\n"));
        assertTrue(typo.getMessage().contains("predict.outptu"), typo.getMessage());
    }

    @Test
    void divideByMustBePositiveAndOnlyScalesFeatureColumns() {
        assertError(MINIMAL + "preprocess: {divideBy: 0}\n", "preprocess.divideBy", "must be a finite number > 0");
        assertError(MINIMAL.replace("label: y}", "label: y, text: body}") + "preprocess: {divideBy: 255}\n",
                "preprocess.divideBy", "scales feature columns");
    }

    @Test
    void unknownKeysAreNamedByTheirFullPath() {
        assertError(MINIMAL + "bogus: 1\n", "bogus", "Keys allowed at the top level");
        assertError(MINIMAL.replace("label: y", "label: y, featurs: [a]"), "data.featurs", "Did you mean 'features'?");
        assertError(MINIMAL + "split: {train: 0.8, test: 0.2, sed: 1}\n", "split.sed", "seed");
    }

    @Test
    void aMisspeltRequiredKeyIsReportedAsTheTypo() {
        assertError(MINIMAL.replace("label: y", "labl: y"), "data.labl", "Did you mean 'label'?");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertError(MINIMAL.replace("output: {model: out/model}\n", ""), "output", "required");
        assertError(MINIMAL.replace("name: minimal\n", ""), "name", "required");
    }

    /** Only unsupervised model types may leave out data.label, so the job checks it once the type is known. */
    @Test
    void aMissingLabelParsesAsAbsent() {
        assertNull(loader.parse(MINIMAL.replace("label: y", "format: csv")).data().label());
    }

    @Test
    void valuesOfTheWrongTypeAreNamed() {
        assertError(MINIMAL + "split: {train: lots, test: 0.2}\n", "split.train", "'lots' is not a number");
        assertError(MINIMAL + "preprocess: {standardize: maybe}\n", "preprocess.standardize", "true or false");
        assertError(MINIMAL + "split: 0.8\n", "split", "mapping");
        assertError(MINIMAL.replace("path: in.csv", "path: in.csv, format: xls"), "data.format",
                "csv, parquet, json, libsvm");
    }

    @Test
    void splitFractionsMustBeInRangeAndSumToOne() {
        assertError(MINIMAL + "split: {train: 0.7, test: 0.2}\n", "split", "sum to 1", "0.9");
        assertError(MINIMAL + "split: {train: 1.0, test: 0.0}\n", "split.train", "between 0 and 1");
        assertEquals(0.3, loader.parse(MINIMAL + "split: {train: 0.7, test: 0.3}\n").split().test());
    }

    @Test
    void aHoldoutColumnReplacesTheFractionsAndIsNoInputOfTheModel() {
        SplitSection split = loader.parse(MINIMAL + "split: {holdoutColumn: is_holdout, seed: 7}\n").split();
        assertEquals("is_holdout", split.holdoutColumn());
        assertNull(split.test());
        assertError(MINIMAL + "split: {holdoutColumn: h, test: 0.2}\n", "split.test", "contradicts holdoutColumn");
        assertError(MINIMAL + "split: {holdoutColumn: y}\n", "split.holdoutColumn", "'y'", "data.label");
        assertError(MINIMAL.replace("label: y", "label: y, features: [a, h]") + "split: {holdoutColumn: h}\n",
                "split.holdoutColumn", "data.features");
    }

    @Test
    void theMasterBelongsInSparkMasterNotSparkConf() {
        assertError(MINIMAL + "spark: {conf: {spark.master: yarn}}\n", "spark.conf.spark.master", "spark.master");
    }

    @Test
    void featureListsAreChecked() {
        assertError(MINIMAL.replace("label: y", "label: y, features: []"), "data.features", "empty list");
        assertError(MINIMAL.replace("label: y", "label: y, features: [a, a]"), "data.features", "twice");
        assertError(MINIMAL.replace("label: y", "label: y, features: [a, y]"), "data.features", "label column");
    }

    @Test
    void theRegistrySectionHasDefaultsAndItsNameDefaultsToTheJobs() {
        assertNull(loader.parse(MINIMAL).registry());

        RegistrySection r = loader.parse(MINIMAL + "registry: {path: hdfs:///models/registry}\n").registry();

        assertAll(
                () -> assertEquals("hdfs:///models/registry", r.path()),
                () -> assertEquals("minimal", r.registryName().value()),
                () -> assertEquals(5, r.keep()),
                () -> assertNull(r.metric()),
                () -> assertEquals(0.0, r.minImprovement()),
                () -> assertEquals(java.time.Duration.ofHours(4), r.lockExpiry()));
        RegistrySection set = loader.parse(MINIMAL + "registry: {path: reg, name: other.v2, keep: 1, metric: rmse,"
                + " minImprovement: 0.01, lockExpiryMinutes: 30}\n").registry();
        assertEquals(new RegistrySection("reg", "other.v2", 1, "rmse", 0.01, 30), set);
    }

    @Test
    void registryNamesThatCouldLeaveTheRegistryAreRefused() {
        assertError(MINIMAL + "registry: {path: reg, name: a/b}\n", "registry.name", "'a/b'", "letters, digits");
        assertError(MINIMAL + "registry: {path: reg, name: ..}\n", "registry.name", "parent");
        assertError(MINIMAL + "registry: {path: reg, name: .}\n", "registry.name", "parent");
        assertError(MINIMAL.replace("name: minimal", "name: my job") + "registry: {path: reg}\n", "registry.name",
                "'my job'", "Set registry.name");
    }

    @Test
    void registryValuesAreChecked() {
        assertError(MINIMAL + "registry: {path: reg, keep: -1}\n", "registry.keep", "at least 1, got -1");
        assertError(MINIMAL + "registry: {path: reg, keep: 0}\n", "registry.keep", "at least 1");
        assertError(MINIMAL + "registry: {path: reg, minImprovement: -0.1}\n", "registry.minImprovement", ">= 0");
        assertError(MINIMAL + "registry: {path: reg, lockExpiryMinutes: 0}\n", "registry.lockExpiryMinutes");
        assertError(MINIMAL + "registry: {path: reg, metric: speed}\n", "registry.metric", "'speed'", "f1*");
        assertError(MINIMAL + "registry: {name: x}\n", "registry.path", "required");
        assertError(MINIMAL + "registry: {path: reg, kepe: 3}\n", "registry.kepe", "Did you mean 'keep'?");
    }

    @Test
    void categoricalColumnsAndDropNullsAreRead() {
        DataSection listed = loader.parse(MINIMAL.replace("label: y", "label: y, features: [x, colour, size],"
                + " categorical: [size, colour], dropNulls: true")).data();
        DataSection every = loader.parse(MINIMAL.replace("label: y", "label: y, categorical: [colour]")).data();
        DataSection plain = loader.parse(MINIMAL).data();

        assertAll(
                () -> assertEquals(List.of("size", "colour"), listed.categorical()),
                () -> assertTrue(listed.dropNulls()),
                () -> assertEquals(List.of("colour"), every.categorical(), "every column but the label includes it"),
                () -> assertFalse(every.dropNulls()),
                () -> assertEquals(List.of(), plain.categorical()),
                () -> assertFalse(plain.dropNulls()));
    }

    @Test
    void categoricalColumnsMustBeFeatureColumns() {
        assertError(MINIMAL.replace("label: y", "label: y, categorical: [y]"), "data.categorical",
                "label column 'y'");
        assertError(MINIMAL.replace("label: y", "label: y, categorical: [c, c]"), "data.categorical", "twice");
        assertError(MINIMAL.replace("label: y", "label: y, categorical: []"), "data.categorical", "empty list");
        assertError(MINIMAL.replace("label: y", "label: y, features: [x], categorical: [colour, size]"),
                "data.categorical", "'colour', 'size', not in data.features", "Add them to data.features");
        assertError(MINIMAL.replace("label: y", "label: y, text: body, categorical: [colour]"), "data.categorical",
                "the job reads data.text", "use data.features instead");
        assertError(MINIMAL.replace("label: y", "label: y, sequence: s, categorical: [colour]"), "data.categorical",
                "the job reads data.sequence");
        assertError(MINIMAL.replace("label: y", "label: y, categorical: [colour]") + "preprocess: {divideBy: 255}\n",
                "preprocess.divideBy", "one-hot encoded", "preprocess.standardize");
        assertError(MINIMAL.replace("label: y", "label: y, dropNulls: sometimes"), "data.dropNulls", "true or false");
        assertError(MINIMAL.replace("label: y", "label: y, dropNull: true"), "data.dropNull",
                "Did you mean 'dropNulls'?");
    }

    @Test
    void tuneParallelismIsAnIntegerOfAtLeastOneOrLeftToTheCluster() {
        String tune = MINIMAL + "tune: {grid: {learningRate: [0.1]}}\n";
        assertNull(loader.parse(tune).tune().parallelism(), "unset: the cluster's free task slots decide");
        assertEquals(3, loader.parse(tune.replace("{grid", "{parallelism: 3, grid")).tune().parallelism());
        assertError(tune.replace("{grid", "{parallelism: 0, grid"), "tune.parallelism", "at least 1, got 0");
        // Jackson would silently truncate 1.5 to 1.
        assertError(tune.replace("{grid", "{parallelism: 1.5, grid"), "tune.parallelism");
        assertError(tune.replace("{grid", "{parallelism: two, grid"), "tune.parallelism");
        assertError(tune.replace("{grid", "{paralelism: 2, grid"), "tune.paralelism", "parallelism");
    }

    @Test
    void syntaxErrorsDuplicatesAndEmptyFilesAreReported() {
        assertError(MINIMAL + "name: again\n", "name", "given twice");
        assertError("name: [unclosed\n", "not valid YAML", "line 1");
        assertError("", "empty");
        assertError("- a\n- b\n", "not a YAML mapping");
    }

    @Test
    void aMissingJobFileIsNamed(@TempDir Path dir) {
        String absent = dir.resolve("absent.yaml").toString();

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> loader.load(absent, new Configuration()));

        assertTrue(e.getMessage().contains(absent) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    private void assertError(String yaml, String... fragments) {
        JobConfigException e = assertThrows(JobConfigException.class, () -> loader.parse(yaml));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
        if (!e.keyPath().isEmpty()) {
            assertTrue(e.getMessage().startsWith(e.keyPath() + ": "), e.getMessage());
        }
    }
}
