package io.deepline.jobs.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.generative.AutoEncoder;
import io.deepline.pipelines.generative.VariationalAutoEncoder;
import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.regression.DeepRegressor;
import io.deepline.pipelines.sequence.Seq2Seq;
import io.deepline.pipelines.sequence.SequenceClassifier;
import io.deepline.pipelines.vision.ImageClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.param.Params;
import org.junit.jupiter.api.Test;

/** YAML values onto Spark Params of every supported type; Params work without a SparkSession. */
class ParamBinderTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void setsDeepClassifierParamsOfEveryKind() throws Exception {
        DeepClassifier c = new DeepClassifier();

        bind(c, "{hiddenLayers: [64, 32], activation: tanh, dropout: 0.1, learningRate: 1, batchSize: 32,"
                + " seed: 7, updater: sgd}");

        assertArrayEquals(new int[] {64, 32}, (int[]) value(c, "hiddenLayers"));
        assertEquals("tanh", value(c, "activation"));
        assertEquals(0.1, value(c, "dropout"));
        assertEquals(1.0, value(c, "learningRate"), "an integer is accepted for a double Param");
        assertEquals(32, value(c, "batchSize"));
        assertEquals(7L, value(c, "seed"));
    }

    @Test
    void convertsEverySparkParamType() throws Exception {
        LogisticRegression lr = new LogisticRegression();
        bind(lr, "{maxIter: 5, regParam: 0, fitIntercept: false, family: multinomial, thresholds: [0.4, 0.6]}");
        assertEquals(5, value(lr, "maxIter"));
        assertEquals(0.0, value(lr, "regParam"));
        assertEquals(false, value(lr, "fitIntercept"));
        assertEquals("multinomial", value(lr, "family"));
        assertArrayEquals(new double[] {0.4, 0.6}, (double[]) value(lr, "thresholds"));

        MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier();
        bind(mlp, "{layers: [4, 5, 3], seed: 12345678901, stepSize: '1e-3'}");
        assertArrayEquals(new int[] {4, 5, 3}, (int[]) value(mlp, "layers"));
        assertEquals(12345678901L, value(mlp, "seed"));
        assertEquals(0.001, value(mlp, "stepSize"), "YAML 1.1 reads 1e-3 as text; it still counts as a number");

        StopWordsRemover remover = new StopWordsRemover();
        bind(remover, "{stopWords: [a, the], caseSensitive: 'true'}");
        assertArrayEquals(new String[] {"a", "the"}, (String[]) value(remover, "stopWords"));
        assertEquals(true, value(remover, "caseSensitive"));
    }

    @Test
    void theDivergenceGuardBindsOnEveryNetworkEstimator() throws Exception {
        for (HasTrainingParams stage : List.of(new DeepClassifier(), new DeepRegressor(), new ImageClassifier(),
                new SequenceClassifier(), new Seq2Seq(), new AutoEncoder(), new VariationalAutoEncoder())) {
            bind(stage, "{divergenceFactor: 0}");
            assertEquals(0.0, stage.getDivergenceFactor(), stage.getClass().getSimpleName());
        }
    }

    @Test
    void checkpointParamsBindFromAJobFile() throws Exception {
        DeepClassifier c = new DeepClassifier();

        bind(c, "{checkpointDir: 'hdfs:///user/me/ckpt', checkpointInterval: 2, checkpointMode: overwrite}");

        assertEquals("hdfs:///user/me/ckpt", c.getCheckpointDir());
        assertEquals(2, c.getCheckpointInterval());
        assertEquals("overwrite", c.getCheckpointMode());
        assertEquals("model.params.checkpointMode", fails(new DeepClassifier(), "{checkpointMode: later}").keyPath());
        assertEquals("model.params.checkpointInterval", fails(new DeepClassifier(), "{checkpointInterval: 0}")
                .keyPath());
    }

    @Test
    void aSingleValueIsAOneElementList() throws Exception {
        DeepClassifier c = new DeepClassifier();

        bind(c, "{hiddenLayers: 8}");

        assertArrayEquals(new int[] {8}, (int[]) value(c, "hiddenLayers"));
    }

    @Test
    void unknownParamsAreNamedWithTheKnownOnes() {
        JobConfigException e = fails(new DeepClassifier(), "{learningRte: 0.1}");

        assertEquals("model.params.learningRte", e.keyPath());
        assertTrue(e.fix().contains("Did you mean 'learningRate'?"), e.fix());
        assertTrue(e.fix().contains("maxEpochs") && e.fix().contains("numWorkers"), e.fix());
        assertTrue(!e.fix().contains("featuresCol"), "column Params are not offered: " + e.fix());
    }

    @Test
    void columnParamsBelongToTheJob() {
        assertEquals("model.params.labelCol", fails(new DeepClassifier(), "{labelCol: y}").keyPath());
    }

    @Test
    void valuesTheValidatorRejectsAreNamed() {
        JobConfigException e = fails(new DeepClassifier(), "{learningRate: -1}");

        assertEquals("model.params.learningRate", e.keyPath());
        assertTrue(e.problem().contains("-1"), e.getMessage());
        assertEquals("model.params.activation", fails(new DeepClassifier(), "{activation: swish}").keyPath());
        assertEquals("model.params.hiddenLayers", fails(new DeepClassifier(), "{hiddenLayers: [0]}").keyPath());
        JobConfigException guard = fails(new DeepClassifier(), "{divergenceFactor: 1}");
        assertEquals("model.params.divergenceFactor", guard.keyPath());
        assertTrue(guard.getMessage().contains("0 = off, else > 1"), guard.getMessage());
    }

    @Test
    void valuesOfTheWrongTypeAreNamed() {
        assertEquals("model.params.batchSize", fails(new DeepClassifier(), "{batchSize: 3.5}").keyPath());
        assertEquals("model.params.maxEpochs", fails(new DeepClassifier(), "{maxEpochs: many}").keyPath());
        assertEquals("model.params.hiddenLayers[1]", fails(new DeepClassifier(), "{hiddenLayers: [4, x]}").keyPath());
        assertEquals("model.params.activation", fails(new DeepClassifier(), "{activation: [relu]}").keyPath());
        assertEquals("model.params.dropout", fails(new DeepClassifier(), "{dropout: }").keyPath());
        assertEquals("model.params.batchSize", fails(new DeepClassifier(), "{batchSize: 3000000000}").keyPath());
    }

    private static void bind(Params target, String yamlMap) throws Exception {
        ParamBinder.bind(target, parse(yamlMap), "model.params");
    }

    private static JobConfigException fails(Params target, String yamlMap) {
        return assertThrows(JobConfigException.class, () -> bind(target, yamlMap));
    }

    private static Map<String, JsonNode> parse(String yamlMap) throws Exception {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        YAML.readTree(yamlMap).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    private static Object value(Params p, String name) {
        return p.getOrDefault(p.getParam(name));
    }
}
