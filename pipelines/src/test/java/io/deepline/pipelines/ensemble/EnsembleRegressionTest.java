package io.deepline.pipelines.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.regression.DeepRegressionModel;
import io.deepline.pipelines.regression.DeepRegressor;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Regression ensembles average the members' mean functions (course §3.3): f̄(x) = (1/J) Σ_j f(x; w_j), checked
 * against the members' own predictions; and EnsembleEstimator seeds its copies as documented.
 */
@ExtendWith(SparkSessionExtension.class)
class EnsembleRegressionTest {
    private static Dataset<Row> data;
    private static EnsembleEstimator estimator;
    private static EnsembleModel ensemble;

    @BeforeAll
    static void fit() {
        data = EnsembleSamples.linear(SparkSessionExtension.session(), 200, 5);
        estimator = new EnsembleEstimator(new DeepRegressor().setHiddenLayers(new int[] {8}).setMaxEpochs(3)
                .setLearningRate(0.01).setNumWorkers(2)).setNumMembers(3).setSeed(11);
        ensemble = estimator.fit(data);
    }

    /** Each model's own prediction column, row by row (transforms keep the local data's row order). */
    private static double[] predictions(Model<?> model) {
        return model.transform(data).select("prediction").collectAsList().stream().mapToDouble(r -> r.getDouble(0))
                .toArray();
    }

    private static void assertMeanOfMembers(EnsembleModel model) {
        double[] expected = new double[(int) data.count()];
        for (Model<?> member : model.members()) {
            double[] p = predictions(member);
            for (int i = 0; i < expected.length; i++) {
                expected[i] += p[i] / model.numMembers();
            }
        }
        assertArrayEquals(expected, predictions(model), 1e-12, "the ensemble's prediction is the members' mean");
    }

    @Test
    void predictionIsTheMeanOfTheMembersPredictions() {
        assertEquals(EnsembleKind.REGRESSION, ensemble.kind());
        assertEquals(3, ensemble.numMembers());
        assertMeanOfMembers(ensemble);
        assertNotEquals(predictions(ensemble.members().get(0))[0], predictions(ensemble.members().get(1))[0],
                "members trained with different seeds differ");
    }

    @Test
    void copiesAreSeededFromTheEnsembleSeedAndNested() {
        long[] seeds = MemberSeeds.derive(11, 3);
        for (int j = 0; j < 3; j++) {
            assertEquals(seeds[j], ((DeepRegressionModel) ensemble.members().get(j)).getSeed(), "seed of member " + j);
        }
        assertEquals(3, java.util.Arrays.stream(seeds).distinct().count());
        assertArrayEquals(MemberSeeds.derive(11, 2), java.util.Arrays.copyOf(seeds, 2), "ensembles of growing J nest");
        assertEquals(42L, ((DeepRegressor) estimator.estimators().get(0)).getSeed(), "the base estimator is untouched");
    }

    @Test
    void membersOfDifferentClassesAverageToo() {
        Model<?> linear = new LinearRegression().fit(data);
        EnsembleModel mixed = new EnsembleModel(List.of(ensemble.members().get(0), linear));
        assertMeanOfMembers(mixed);
    }

    @Test
    void multiOutputMembersAverageAsVectors() {
        EnsembleModel pairs = new EnsembleEstimator(new DeepRegressor().setLabelCol("pair").setHiddenLayers(new int[] {4})
                .setMaxEpochs(1).setNumWorkers(2)).setNumMembers(2).fit(data);
        List<Row> rows = pairs.transform(data).select("prediction").collectAsList();
        List<Row> first = pairs.members().get(0).transform(data).select("prediction").collectAsList();
        List<Row> second = pairs.members().get(1).transform(data).select("prediction").collectAsList();
        for (int i = 0; i < rows.size(); i++) {
            double[] a = ((Vector) first.get(i).get(0)).toArray();
            double[] b = ((Vector) second.get(i).get(0)).toArray();
            assertArrayEquals(new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2},
                    ((Vector) rows.get(i).get(0)).toArray(), 1e-12, "row " + i);
        }
        assertTrue(pairs.transformSchema(data.schema()).apply("prediction").dataType()
                .equals(org.apache.spark.ml.linalg.SQLDataTypes.VectorType()));
    }
}
