package io.deepline.pipelines.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.perceptron.PerceptronClassifier;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hard and soft voting (course §3.3) on a hand-made case where they disagree: two cautious classifiers put the
 * boundary at x = 1, one confident classifier at x = -1. Expected outputs are computed here, from the members'
 * own transform outputs, by the course's formulas. Transforms keep the row order of the local data, so rows are
 * matched by position.
 */
@ExtendWith(SparkSessionExtension.class)
class EnsembleVotingTest {
    private static final int N = 121;
    private static Dataset<Row> line;
    private static List<LogisticRegressionModel> members;
    /** Member j's own prediction and probability vector of row i, from its own transform. */
    private static double[][] predictions;
    private static double[][][] probabilities;

    @BeforeAll
    static void fitMembers() {
        line = EnsembleSamples.line(SparkSessionExtension.session(), N);
        members = List.of(
                new LogisticRegression().setLabelCol("right").setRegParam(0.1).setMaxIter(10).fit(line),
                new LogisticRegression().setLabelCol("right").setRegParam(0.3).setMaxIter(10).fit(line),
                new LogisticRegression().setLabelCol("left").setRegParam(0.0).setMaxIter(10).fit(line));
        predictions = new double[members.size()][];
        probabilities = new double[members.size()][][];
        for (int j = 0; j < members.size(); j++) {
            List<Row> rows = members.get(j).transform(line).select("prediction", "probability").collectAsList();
            predictions[j] = rows.stream().mapToDouble(r -> r.getDouble(0)).toArray();
            probabilities[j] = rows.stream().map(r -> ((Vector) r.get(1)).toArray()).toArray(double[][]::new);
        }
    }

    private static List<Row> ensembleRows(EnsembleModel ensemble) {
        return ensemble.transform(line).collectAsList();
    }

    /** argmax with ties to the lowest index, as the ensemble documents. */
    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void hardVotingIsTheMostPredictedClassWithVoteCountsAsRawPrediction() {
        EnsembleModel hard = new EnsembleModel(members).setVoting("hard");
        List<Row> rows = ensembleRows(hard);
        assertFalse(Arrays.asList(rows.get(0).schema().fieldNames()).contains("probability"),
                "hard voting has no probabilities");
        for (int i = 0; i < N; i++) {
            double[] votes = new double[2];
            for (double[] member : predictions) {
                votes[(int) member[i]] += 1;
            }
            Row row = rows.get(i);
            assertArrayEquals(votes, ((Vector) row.getAs("rawPrediction")).toArray(), "votes of row " + i);
            assertEquals(argmax(votes), row.<Double>getAs("prediction"), 0.0, "prediction of row " + i);
        }
    }

    @Test
    void softVotingIsTheArgmaxOfTheMeanProbability() {
        EnsembleModel soft = new EnsembleModel(members).setVoting("soft");
        List<Row> rows = ensembleRows(soft);
        for (int i = 0; i < N; i++) {
            double[] sum = new double[2];
            for (double[][] member : probabilities) {
                for (int k = 0; k < 2; k++) {
                    sum[k] += member[i][k];
                }
            }
            Row row = rows.get(i);
            assertArrayEquals(sum, ((Vector) row.getAs("rawPrediction")).toArray(), 1e-12, "Σ_j p_j of row " + i);
            assertArrayEquals(new double[] {sum[0] / 3, sum[1] / 3}, ((Vector) row.getAs("probability")).toArray(),
                    1e-12, "mean probability of row " + i);
            assertEquals(argmax(sum), row.<Double>getAs("prediction"), 0.0, "prediction of row " + i);
        }
    }

    @Test
    void hardAndSoftVotingDisagreeWhereTheConfidentMemberIsOutvoted() {
        List<Row> hard = ensembleRows(new EnsembleModel(members).setVoting("hard"));
        List<Row> soft = ensembleRows(new EnsembleModel(members).setVoting("soft"));
        int middle = (N - 1) / 2;   // x = 0
        assertArrayEquals(new double[] {0, 0, 1}, new double[] {predictions[0][middle], predictions[1][middle],
                predictions[2][middle]}, "at x = 0 the two cautious members say 0, the confident one 1");
        assertTrue(probabilities[2][middle][1] > 0.99 && probabilities[0][middle][0] < 0.75
                && probabilities[1][middle][0] < 0.75, "the set-up: one confident, two cautious members");
        assertEquals(0.0, hard.get(middle).<Double>getAs("prediction"), "two votes of three win");
        assertEquals(1.0, soft.get(middle).<Double>getAs("prediction"), "the confident member's probability wins");
        long disagreements = 0;
        for (int i = 0; i < N; i++) {
            if (!hard.get(i).getAs("prediction").equals(soft.get(i).getAs("prediction"))) {
                disagreements++;
            }
        }
        assertTrue(disagreements >= 5, "hard and soft voting disagree on " + disagreements + " rows");
    }

    @Test
    void hardVotingTiesGoToTheLowestClassIndex() {
        List<Row> rows = ensembleRows(new EnsembleModel(List.of(members.get(0), members.get(2))).setVoting("hard"));
        int ties = 0;
        for (int i = 0; i < N; i++) {
            if (predictions[0][i] != predictions[2][i]) {
                ties++;
                assertEquals(Math.min(predictions[0][i], predictions[2][i]), rows.get(i).<Double>getAs("prediction"),
                        "a 1-1 tie in row " + i);
            }
        }
        assertTrue(ties >= 10, "the pair ties on " + ties + " rows");
    }

    @Test
    void oneMemberEnsembleReproducesItsMember() {
        LogisticRegressionModel only = members.get(1);
        List<Row> soft = ensembleRows(new EnsembleModel(List.of(only)));
        List<Row> hard = ensembleRows(new EnsembleModel(List.of(only)).setVoting("hard"));
        for (int i = 0; i < N; i++) {
            assertArrayEquals(probabilities[1][i], ((Vector) soft.get(i).getAs("probability")).toArray(), 0.0);
            assertEquals(predictions[1][i], soft.get(i).<Double>getAs("prediction"), 0.0);
            assertEquals(predictions[1][i], hard.get(i).<Double>getAs("prediction"), 0.0);
        }
    }

    @Test
    void outputColumnsCarryTheClassAttributesOfAClassifier() {
        EnsembleModel ensemble = new EnsembleModel(members).setPredictionCol("p").setRawPredictionCol("")
                .setProbabilityCol("q");
        Dataset<Row> scored = ensemble.transform(line);
        assertEquals(List.of("id", "features", "right", "left", "three", "q", "p"),
                Arrays.asList(scored.columns()), "only the requested outputs, no temporary columns");
        Attribute prediction = Attribute.fromStructField(scored.schema().apply("p"));
        assertEquals(2, ((NominalAttribute) prediction).getNumValues().get());
        assertEquals(2, AttributeGroup.fromStructField(scored.schema().apply("q")).size());
        assertEquals(scored.schema(), ensemble.transformSchema(line.schema()), "transformSchema matches transform");
    }

    @Test
    void nonProbabilisticMembersVoteHard() {
        Model<?> perceptron = new PerceptronClassifier().setNumWorkers(2).setMaxIter(50).fit(line
                .withColumnRenamed("right", "label"));
        double[] perceptronPredictions = perceptron.transform(line).select("prediction").collectAsList().stream()
                .mapToDouble(r -> r.getDouble(0)).toArray();
        List<Row> rows = ensembleRows(new EnsembleModel(List.of(perceptron, members.get(0), members.get(2)))
                .setVoting("hard"));
        for (int i = 0; i < N; i++) {
            double[] votes = new double[2];
            for (double p : new double[] {perceptronPredictions[i], predictions[0][i], predictions[2][i]}) {
                votes[(int) p] += 1;
            }
            assertEquals(argmax(votes), rows.get(i).<Double>getAs("prediction"), 0.0, "row " + i);
        }
    }
}
