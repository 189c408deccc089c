package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which rows a job trains and tests on: exact counts (stratified on request) for a plain job; in a job file with a
 * registry, a row's split depends on the row alone, so a later retrain on grown data never tests on rows the
 * champion trained on; or the data names its holdout rows in {@code split.holdoutColumn}. Only the data is read
 * and split: no model is trained.
 */
@ExtendWith(SparkSessionExtension.class)
class SplitDataTest {

    @Test
    void aChampionsTrainingRowsNeverLandInALaterHoldout(SparkSession spark, @TempDir Path dir) throws IOException {
        List<String> dayOne = rows(new Random(1), 200, "");
        List<String> dayTwo = new ArrayList<>(dayOne);
        dayTwo.addAll(rows(new Random(2), 100, ""));
        Collections.shuffle(dayTwo, new Random(3)); // new rows anywhere, old ones in another order
        // A registry section makes the job a retrain job, whose split goes row by row.
        String split = "split: {train: 0.8, test: 0.2, seed: 42}\nregistry: {path: " + dir.resolve("registry") + "}";

        Set<String> championTrain;
        Set<String> championTest;
        try (SplitData first = prepare(spark, dir, "one", dayOne, split)) {
            championTrain = collect(first.train());
            championTest = collect(first.test());
            // The counts come from the null check's pass, not from counting the splits.
            assertEquals(first.train().count(), first.trainRows());
            assertEquals(first.test().count(), first.testRows());
        }
        try (SplitData second = prepare(spark, dir, "two", dayTwo, split)) {
            Set<String> holdout = collect(second.test());

            Set<String> leaked = new HashSet<>(holdout);
            leaked.retainAll(championTrain);
            assertEquals(Set.of(), leaked, "rows the champion trained on are in the retrain's holdout");
            assertTrue(holdout.containsAll(championTest), "the champion's holdout rows stay in the holdout");
            assertTrue(holdout.size() > championTest.size(), "new rows join the holdout too: " + holdout.size());
        }
        assertEquals(200, championTrain.size() + championTest.size());
        assertTrue(championTest.size() >= 20 && championTest.size() <= 60, "about 20% held out: "
                + championTest.size());
    }

    @Test
    void aPlainJobSplitsExactCountsAndStratifiedKeepsTheClassProportions(SparkSession spark, @TempDir Path dir)
            throws IOException {
        List<String> lines = rows(new Random(6), 203, "");
        try (SplitData data = prepare(spark, dir, "exact", lines, "split: {train: 0.8, test: 0.2, seed: 3}")) {
            assertWithinOneRow(0.8 * 203, data.trainRows());
            assertEquals(203, data.trainRows() + data.testRows());
            assertEquals(data.testRows(), data.test().count());
            assertEquals(null, data.validation());
        }

        String threeWay = "split: {train: 0.6, validation: 0.2, test: 0.2, stratified: true, seed: 3}\n"
                + "select: {param: l2, values: [0.0, 0.01]}";
        try (SplitData data = prepare(spark, dir, "stratified", lines, threeWay)) {
            long ones = lines.stream().filter(l -> l.endsWith(",1")).count();
            Set<String> all = new HashSet<>();
            for (Dataset<Row> split : List.of(data.train(), data.validation(), data.test())) {
                double f = split == data.train() ? 0.6 : 0.2;
                Set<String> rows = collect(split);
                long positives = rows.stream().filter(l -> l.endsWith(",1")).count();
                // Every class of every split holds its fraction of the class, within one row.
                assertWithinOneRow(f * ones, positives);
                assertWithinOneRow(f * (203 - ones), rows.size() - positives);
                all.addAll(rows);
            }
            assertEquals(203, all.size(), "the splits are disjoint and cover every row");
            assertEquals(203, data.trainRows() + data.validationRows() + data.testRows());
        }
    }

    @Test
    void balancedClassWeightsComeFromTheTrainingRowsAndTheWeightColumnIsNoFeature(SparkSession spark,
                                                                                  @TempDir Path dir)
            throws IOException {
        // 3 of 4 rows are class 0; the last field is a row weight.
        List<String> lines = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 80; i++) {
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%d", random.nextDouble(), random.nextDouble(),
                    i % 4 == 0 ? 1 : 0));
        }
        String split = "split: {train: 0.75, test: 0.25, stratified: true}";
        try (SplitData data = prepare(spark, dir, "balanced", lines, split, ", classWeights: balanced")) {
            // 60 training rows: 45 of class 0 and 15 of class 1, so w_0 = 60 / (2 · 45), w_1 = 60 / (2 · 15).
            assertEquals(60, data.trainRows());
            for (Row row : data.train().select("label", RowWeights.WEIGHT).collectAsList()) {
                assertEquals(row.getInt(0) == 0 ? 60.0 / 90 : 2.0, row.getDouble(1), 1e-12, row.toString());
            }
            assertFalse(List.of(data.test().columns()).contains(RowWeights.WEIGHT), "the test rows are not weighted");
        }

        List<String> weighted = lines.stream().map(l -> l + ",2.5").toList();
        try (SplitData data = prepare(spark, dir, "weighted", weighted, split, ", weight: w")) {
            assertEquals("w", weightCol(data), "the model reads the row weights");
            assertTrue(List.of(data.train().columns()).contains("w"));
            assertEquals(List.of("x1", "x2"), data.input().features(), "the weight column is not a feature");
        }
        JobConfigException regression = assertThrows(JobConfigException.class, () -> prepare(spark, dir, "reg",
                lines, split.replace(", stratified: true", ""), ", classWeights: balanced", "DeepRegressor").close());
        assertEquals("data.classWeights", regression.keyPath());
        assertTrue(regression.getMessage().contains("regressor"), regression.getMessage());
    }

    private static String weightCol(SplitData data) {
        org.apache.spark.ml.PipelineStage[] stages = data.plan().pipeline().getStages();
        org.apache.spark.ml.PipelineStage model = stages[stages.length - 1];
        return (String) model.getOrDefault(model.getParam("weightCol"));
    }

    private static void assertWithinOneRow(double expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= 1.0, actual + " rows, expected " + expected + " within one row");
    }

    @Test
    void aHoldoutColumnNamesTheTestRowsAndIsNoFeature(SparkSession spark, @TempDir Path dir) throws IOException {
        List<String> lines = rows(new Random(4), 40, "");
        List<String> marked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            marked.add(lines.get(i) + "," + (i % 4 == 0));
        }

        try (SplitData data = prepare(spark, dir, "marked", marked, "split: {holdoutColumn: holdout}")) {
            assertEquals(10, data.testRows());
            assertEquals(30, data.trainRows());
            assertTrue(collect(data.test()).containsAll(List.of(lines.get(0), lines.get(4), lines.get(36))));
            assertFalse(List.of(data.train().columns()).contains("holdout"), "the model never sees the flag");
        }
    }

    @Test
    void aHoldoutColumnThatIsMissingNotBooleanOrHasNullsIsRefused(SparkSession spark, @TempDir Path dir)
            throws IOException {
        List<String> marked = new ArrayList<>(rows(new Random(5), 20, ",true"));

        assertRefused(spark, dir, marked, "split: {holdoutColumn: holdot}", "'holdot' is not in the data",
                "holdout");
        assertRefused(spark, dir, marked, "split: {holdoutColumn: x1}", "has type double",
                "true and false");
        marked.set(3, marked.get(3).replace(",true", ","));
        assertRefused(spark, dir, marked, "split: {holdoutColumn: holdout}", "has 1 null", "true (held out)");
    }

    private static void assertRefused(SparkSession spark, Path dir, List<String> lines, String split,
                                      String... fragments) {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> prepare(spark, dir, "refused", lines, split).close());
        assertEquals("split.holdoutColumn", e.keyPath());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        }
    }

    /** {@code n} distinct CSV lines x1,x2,label, each followed by {@code suffix}. */
    private static List<String> rows(Random random, int n, String suffix) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%d%s", random.nextDouble(), random.nextDouble(),
                    random.nextInt(2), suffix));
        }
        return lines;
    }

    /**
     * Writes the lines (with a header x1,x2,label and, when the first line has four fields, holdout) and prepares
     * a DeepClassifier job's split of them; {@code extra} holds the job file's split section.
     */
    private static SplitData prepare(SparkSession spark, Path dir, String name, List<String> lines, String extra)
            throws IOException {
        return prepare(spark, dir, name, lines, extra, "");
    }

    private static SplitData prepare(SparkSession spark, Path dir, String name, List<String> lines, String extra,
                                     String dataKeys) throws IOException {
        return prepare(spark, dir, name, lines, extra, dataKeys, "DeepClassifier");
    }

    /**
     * As {@link #prepare(SparkSession, Path, String, List, String)}, with {@code dataKeys} added to the data
     * section (a flow mapping's entries) and the model type {@code type}; a fourth field is a holdout flag, or with
     * {@code weight} in {@code dataKeys} a weight column w.
     */
    private static SplitData prepare(SparkSession spark, Path dir, String name, List<String> lines, String extra,
                                     String dataKeys, String type) throws IOException {
        boolean fourth = lines.get(0).split(",", -1).length == 4;
        String header = fourth ? (dataKeys.contains("weight:") ? "x1,x2,label,w" : "x1,x2,label,holdout")
                : "x1,x2,label";
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, header + "\n" + String.join("\n", lines) + "\n");
        JobConfig config = new JobConfigLoader().parse("""
                name: split-%s
                data: {path: %s, options: {header: "true", inferSchema: "true"}, label: label%s}
                %s
                model: {type: %s}
                output: {model: %s}
                """.formatted(name, csv, dataKeys, extra, type, dir.resolve("model")));
        return SplitData.prepare(spark, config, TrainJob.configure(config, ModelTypes.standard()));
    }

    /** The rows as the CSV lines they were read from. */
    private static Set<String> collect(Dataset<Row> rows) {
        Set<String> lines = new HashSet<>();
        for (Row row : rows.collectAsList()) {
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%d", row.getDouble(0), row.getDouble(1), row.getInt(2)));
        }
        return lines;
    }
}
