package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text and sequence jobs that cannot work fail before training with exit code 2 and a message naming the key: a
 * model type that reads the other kind of input, a text or sequence column of the wrong type, a vocabularySize the
 * job would contradict.
 */
@ExtendWith(SparkSessionExtension.class)
class SequenceJobErrorsTest {

    /** A parquet file with a string, a number, token ids and a label. */
    private static Path data(SparkSession spark, Path dir) {
        Path path = dir.resolve("rows.parquet");
        StructType schema = new StructType().add("body", DataTypes.StringType).add("size", DataTypes.DoubleType)
                .add("ids", DataTypes.createArrayType(DataTypes.IntegerType)).add("y", DataTypes.DoubleType)
                .add("tags", DataTypes.createArrayType(DataTypes.DoubleType));
        spark.createDataFrame(List.of(RowFactory.create("free cash", 2.0, List.of(5, 6), 1.0, List.of(1.0, 0.0)),
                RowFactory.create("team lunch", 3.0, List.of(7), 0.0, List.of(0.0))), schema).write()
                .parquet(path.toString());
        return path;
    }

    private static String job(Path data, Path dir, String input, String type, String params) {
        return """
                name: bad
                data: {path: %s, format: parquet, label: y, %s}
                model: {type: %s, params: {maxEpochs: 1%s}}
                output: {model: %s}
                """.formatted(data, input, type, params, dir.resolve("model"));
    }

    private static void assertRefused(Path dir, String yaml, String... fragments) throws Exception {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        for (String f : fragments) {
            assertTrue(run.err().contains(f), "'" + f + "' not in: " + run.err());
        }
        assertTrue(Files.notExists(dir.resolve("model")), "nothing was trained");
    }

    @Test
    void modelTypesMustReadTheInputTheJobGives(SparkSession spark, @TempDir Path dir) throws Exception {
        Path data = data(spark, dir);
        assertRefused(dir, job(data, dir, "text: body", "DeepClassifier", ""), "model.type",
                "DeepClassifier reads feature columns", "data.text", "SequenceClassifier");
        assertRefused(dir, job(data, dir, "features: [size]", "SequenceRegressor", ""), "model.type",
                "SequenceRegressor reads one sequence per row", "data.sequence");
    }

    @Test
    void textAndSequenceColumnsMustExistAndHaveTheirTypes(SparkSession spark, @TempDir Path dir) throws Exception {
        Path data = data(spark, dir);
        assertRefused(dir, job(data, dir, "text: bdy", "SequenceClassifier", ""), "data.text",
                "'bdy' is not in the data", "Did you mean 'body'?");
        assertRefused(dir, job(data, dir, "text: ids", "SequenceClassifier", ""), "data.text",
                "array<int>", "use data.sequence instead");
        assertRefused(dir, job(data, dir, "sequence: body", "SequenceClassifier", ""), "data.sequence",
                "must be an array column", "use data.text instead");
        assertRefused(dir, job(data, dir, "sequence: ids", "SequenceClassifier", ""), "data.sequence",
                "'ids'", "vocabularySize is 0");
    }

    @Test
    void withTextTheVocabularyDecidesVocabularySize(SparkSession spark, @TempDir Path dir) throws Exception {
        assertRefused(dir, job(data(spark, dir), dir, "text: body", "SequenceClassifier", ", vocabularySize: 100"),
                "model.params.vocabularySize", "preprocess.text.maxVocabularySize");
    }

    @Test
    void labelsPerStepAreForTaggersOnly(SparkSession spark, @TempDir Path dir) throws Exception {
        Path data = data(spark, dir);
        assertRefused(dir, job(data, dir, "sequence: ids", "SequenceTagger", ", vocabularySize: 10"), "data.label",
                "SequenceTagger takes one class per step", "'y' is double", "SequenceClassifier");
        assertRefused(dir, job(data, dir, "sequence: ids", "SequenceClassifier", ", vocabularySize: 10")
                .replace("label: y", "label: tags"), "data.label", "'tags' holds one label per step", "SequenceTagger");
    }
}
