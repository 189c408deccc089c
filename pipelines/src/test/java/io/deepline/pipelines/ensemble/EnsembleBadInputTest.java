package io.deepline.pipelines.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.classification.perceptron.PerceptronClassifier;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/** Bad members, Params and input data fail early with messages that name the member, Param or column. */
@ExtendWith(SparkSessionExtension.class)
class EnsembleBadInputTest {
    private static Dataset<Row> line;
    private static LogisticRegressionModel binary;
    private static LogisticRegressionModel threeClasses;
    private static LinearRegressionModel regressor;

    @BeforeAll
    static void fitMembers() {
        line = EnsembleSamples.line(SparkSessionExtension.session(), 40);
        binary = new LogisticRegression().setLabelCol("right").setMaxIter(10).fit(line);
        threeClasses = new LogisticRegression().setLabelCol("three").setMaxIter(10).fit(line);
        regressor = new LinearRegression().setLabelCol("right").fit(line);
    }

    private static void assertRejected(Class<? extends RuntimeException> type, Executable bad, String... fragments) {
        RuntimeException e = assertThrows(type, bad);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void membersMustBeOneKindOfPredictionModelWithTheSameClasses() {
        assertRejected(IllegalArgumentException.class, () -> new EnsembleModel(List.of()), "at least one member");
        assertRejected(IllegalArgumentException.class, () -> new EnsembleModel(List.of(binary, regressor)),
                "member 1", "LinearRegressionModel", "regressor", "classifier");
        assertRejected(IllegalArgumentException.class, () -> new EnsembleModel(List.of(binary, threeClasses)),
                "member 1", "3 classes", "member 0 predicts 2");
        Model<?> scaler = new StandardScaler().setInputCol("features").setOutputCol("scaled").fit(line);
        assertRejected(IllegalArgumentException.class, () -> new EnsembleModel(List.of(binary, scaler)),
                "member 1", "StandardScalerModel", "not a Spark ML PredictionModel");
        List<Model<?>> withNull = new ArrayList<>();
        withNull.add(binary);
        withNull.add(null);
        assertRejected(IllegalArgumentException.class, () -> new EnsembleModel(withNull), "member 1", "null");
    }

    @Test
    void votingIsValidatedAndSoftVotingNeedsProbabilities() {
        assertRejected(IllegalArgumentException.class, () -> new EnsembleModel(List.of(binary)).setVoting("median"),
                "voting", "median");
        assertEquals("hard", new EnsembleModel(List.of(binary)).setVoting(" HARD ").getVoting());
        Model<?> perceptron = new PerceptronClassifier().setMaxIter(5).setNumWorkers(1)
                .fit(line.withColumnRenamed("right", "label"));
        EnsembleModel soft = new EnsembleModel(List.of(binary, perceptron));
        assertRejected(IllegalArgumentException.class, () -> soft.transform(line), "voting 'soft'", "member 1",
                "PerceptronClassificationModel", "set voting to 'hard'");
        assertRejected(IllegalArgumentException.class,
                () -> new EnsembleEstimator(List.of(new LogisticRegression(), new PerceptronClassifier()))
                        .transformSchema(line.withColumnRenamed("right", "label").schema()),
                "voting 'soft'", "estimator 1", "PerceptronClassifier");
    }

    @Test
    void inputColumnsAreCheckedPerMemberAndOutputsMustBeNew() {
        EnsembleModel ensemble = new EnsembleModel(List.of(binary, binary.copy(new org.apache.spark.ml.param.ParamMap())
                .setFeaturesCol("other")));
        assertRejected(IllegalArgumentException.class, () -> ensemble.transform(line), "member 1", "other");
        assertRejected(IllegalArgumentException.class, () -> new EnsembleModel(List.of(binary))
                .setPredictionCol("right").transform(line), "'right' already exists", "predictionCol");
        Dataset<Row> scored = binary.transform(line);
        assertTrue(new EnsembleModel(List.of(binary)).setPredictionCol("vote").setRawPredictionCol("votes")
                .setProbabilityCol("p").transform(scored).count() > 0,
                "the members' own output names may exist in the input: the ensemble renames them");
    }

    @Test
    void estimatorsMustBePredictorsOfOneKindAndSeedableWhenCopied() {
        assertRejected(IllegalArgumentException.class, () -> new EnsembleEstimator(List.of()), "at least one");
        assertRejected(IllegalArgumentException.class,
                () -> new EnsembleEstimator(List.of(new LogisticRegression(), new LinearRegression())),
                "estimator 1", "regressor", "classifier");
        assertRejected(IllegalArgumentException.class,
                () -> new EnsembleEstimator(new StandardScaler()), "estimator 0", "not a Spark ML Predictor");
        Dataset<Row> labeled = line.withColumnRenamed("right", "label");
        assertRejected(IllegalArgumentException.class, () -> new EnsembleEstimator(new LinearRegression())
                .setNumMembers(3).fit(labeled), "numMembers is 3", "no 'seed' Param", "list");
        assertEquals(1, new EnsembleEstimator(new LinearRegression()).setNumMembers(1).fit(labeled).numMembers(),
                "one unseeded copy is fine");
        List<Estimator<?>> two = List.of(new LogisticRegression(), new LogisticRegression().setRegParam(0.5));
        assertRejected(IllegalArgumentException.class, () -> new EnsembleEstimator(two).setNumMembers(3).fit(labeled),
                "numMembers is 3", "2 estimators");
        assertRejected(IllegalArgumentException.class, () -> new EnsembleEstimator(new DeepClassifier())
                .setNumMembers(0), "numMembers");
        assertRejected(IllegalArgumentException.class, () -> new EnsembleEstimator(new DeepClassifier())
                .fit(line), "estimator 0", "label");
        assertRejected(IllegalStateException.class, () -> new EnsembleEstimator("empty").fit(labeled),
                "no estimators");
    }
}
