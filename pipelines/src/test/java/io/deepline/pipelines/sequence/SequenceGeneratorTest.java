package io.deepline.pipelines.sequence;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import io.deepline.pipelines.text.ReservedTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One-to-many: sequences generated from a feature vector, of tokens up to the end token, or of values. */
@ExtendWith(SparkSessionExtension.class)
class SequenceGeneratorTest {
    private static final int DIGITS = 10;
    private static final int MAX_COUNT = 6;

    /** Features: one-hot start digit s and one-hot count n; target: the tokens of s, s+1, ... (n digits, mod 10). */
    static Dataset<Row> countingFrom(SparkSession spark, int rows, long seed) {
        Random random = new Random(seed);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int start = random.nextInt(DIGITS);
            int count = 1 + random.nextInt(MAX_COUNT);
            double[] x = new double[DIGITS + MAX_COUNT];
            x[start] = 1;
            x[DIGITS + count - 1] = 1;
            List<Integer> tokens = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                tokens.add(ReservedTokens.FIRST_WORD_ID + (start + k) % DIGITS);
            }
            out.add(RowFactory.create(Vectors.dense(x), tokens));
        }
        return frame(spark, SequenceTasks.TOKENS, out);
    }

    /** Features (a, ω); target a·sin(ω t) for t = 1..15. */
    static Dataset<Row> sines(SparkSession spark, int rows, long seed) {
        Random random = new Random(seed);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double a = 0.5 + random.nextDouble();
            double omega = 0.3 + 0.5 * random.nextDouble();
            List<Double> values = new ArrayList<>();
            for (int t = 1; t <= 15; t++) {
                values.add(a * Math.sin(omega * t));
            }
            out.add(RowFactory.create(Vectors.dense(a, omega), values));
        }
        return frame(spark, SequenceTasks.SERIES, out);
    }

    private static Dataset<Row> frame(SparkSession spark, DataType labelType, List<Row> rows) {
        return spark.createDataFrame(rows, new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", labelType));
    }

    @Test
    void generatesTokenSequencesAndStopsAtTheEndToken(SparkSession spark) {
        long start = System.nanoTime();
        SequenceGeneratorModel model = new SequenceGenerator().setVocabularySize(ReservedTokens.FIRST_WORD_ID + DIGITS)
                .setCell("lstm").setHiddenSize(32).setLearningRate(0.01).setMaxEpochs(25).setBatchSize(16)
                .setNumWorkers(2).setMaxOutputLength(12).fit(countingFrom(spark, 400, 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset<Row> scored = model.transform(countingFrom(spark, 200, 2));
        double exact = scored.filter("label = prediction").count() / 200.0;
        System.out.printf("SequenceGenerator counting: exact match %.3f, fit %.1f s%n", exact, seconds);
        assertTrue(exact >= 0.9, "held-out exact match " + exact);
        assertEquals(GeneratedOutput.TOKENS, model.generatedOutput());
    }

    @Test
    void generatesValueSequences(SparkSession spark, @TempDir Path dir) throws IOException {
        SequenceGenerator generator = new SequenceGenerator().setCell("lstm").setHiddenSize(32).setLearningRate(0.01)
                .setMaxEpochs(40).setBatchSize(16).setNumWorkers(2).setMaxOutputLength(15);
        SequenceGeneratorModel model = generator.fit(sines(spark, 400, 3));
        Dataset<Row> test = sines(spark, 100, 4);
        Dataset<Row> scored = model.transform(test);
        Row r = scored.selectExpr("sqrt(avg(aggregate(zip_with(label, prediction, (y, p) -> (y - p) * (y - p)),"
                + " 0D, (acc, e) -> acc + e) / 15)) AS rmse", "sqrt(avg(aggregate(label, 0D, (acc, y) -> acc + y * y)"
                + " / 15)) AS rms").first();
        double rmse = r.getDouble(0);
        System.out.printf("SequenceGenerator sines: RMSE per step %.4f (targets' RMS %.4f)%n", rmse, r.getDouble(1));
        // Predicting zeros would give RMSE = RMS; 0.3·RMS means over 90% of the variance is generated right.
        assertTrue(rmse < 0.3 * r.getDouble(1), "held-out RMSE per step " + rmse + " vs RMS " + r.getDouble(1));

        StageContract.assertWellFormedStage(generator);
        StageContract.assertCopyAndUids(generator, model);
        SequenceGeneratorModel loaded = StageContract.assertSaveAndLoad(model, dir, SequenceGeneratorModel::load);
        List<Row> expected = scored.select("prediction").collectAsList();
        assertEquals(expected, loaded.transform(test).select("prediction").collectAsList());
        SequenceGeneratorModel alone = model.copy(new ParamMap().put(model.inferenceBatchSize().w(1)));
        List<Row> one = alone.transform(test).select("prediction").collectAsList();
        double worst = 0;
        for (int i = 0; i < one.size(); i++) {
            List<Double> a = PaddingInvariance.numbers(one.get(i).get(0));
            List<Double> b = PaddingInvariance.numbers(expected.get(i).get(0));
            for (int k = 0; k < a.size(); k++) {
                worst = Math.max(worst, Math.abs(a.get(k) - b.get(k)));
            }
        }
        assertTrue(worst <= PaddingInvariance.TOLERANCE, "batching changed a generated value by " + worst);
        double[] driver = model.generate((org.apache.spark.ml.linalg.Vector) test.first().get(0));
        assertEquals(PaddingInvariance.numbers(expected.get(0).get(0)).get(14), driver[14], 1e-5);
    }

    @Test
    void badTargetsAndParamsAreNamed(SparkSession spark) {
        Dataset<Row> data = countingFrom(spark, 20, 5);
        assertFailsNaming(IllegalArgumentException.class, () -> new SequenceGenerator().fit(data), "'label'",
                "vocabularySize");
        assertFailsNaming(IllegalArgumentException.class, () -> new SequenceGenerator().setVocabularySize(8)
                .fit(data), "'label'", "outside [0, vocabularySize)");
        assertFailsNaming(IllegalArgumentException.class, () -> new SequenceGenerator().setVocabularySize(20)
                .setCell("gru").setBidirectional(true).fit(data), "bidirectional");
        assertFailsNaming(IllegalArgumentException.class, () -> new SequenceGenerator().setFeaturesCol("label")
                .setVocabularySize(20).fit(data), "'label'");
    }
}
