package io.deepline.pipelines.core.data.sequence;

import static io.deepline.pipelines.core.data.sequence.SequenceFrames.SERIES;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.STEP_VECTORS;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.TOKENS;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.frame;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of bad sequence input fails with an IllegalArgumentException naming the column, a row that shows
 * the problem (its position and a sample of its sequence), and the fix. Each frame holds two good rows and the
 * bad one at position 2 of a single partition.
 */
@ExtendWith(SparkSessionExtension.class)
class SequenceDataCheckTest {

    private static final DataType DOUBLE = DataTypes.DoubleType;

    private static Dataset<Row> withBadRow(SparkSession spark, DataType featuresType, DataType labelType,
                                           Object[] good1, Object[] good2, Object badSequence, Object badLabel) {
        List<Object[]> rows = new ArrayList<>(List.of(good1, good2));
        rows.add(new Object[] {badSequence, badLabel});
        return frame(spark, featuresType, labelType, rows).coalesce(1);
    }

    /** Two good 2-feature rows (classes 0 and 1) and the bad one. */
    private static Dataset<Row> stepVectors(SparkSession spark, Object badSequence, Object badLabel) {
        return withBadRow(spark, STEP_VECTORS, DOUBLE, new Object[] {steps(1, 2, 2), 0.0},
                new Object[] {steps(2, 3, 2), 1.0}, badSequence, badLabel);
    }

    private static String failure(Dataset<Row> frame, int vocabularySize, OptionalInt classes) {
        SequenceInput input = SequenceInput.of(frame.schema(), "seq", vocabularySize);
        SequenceLabel label = SequenceLabel.of(frame.schema(), "label");
        SequenceDataProfile profile = SequenceDataProfile.of(frame, input, label, vocabularySize);
        return assertThrows(IllegalArgumentException.class, () -> {
            if (classes == null) {
                SequenceDataCheck.forRegression(profile, "seq", "label");
            } else {
                SequenceDataCheck.forClassification(profile, "seq", "label", classes);
            }
        }).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void raggedStepsNameTheRowItsSampleAndTheStep(SparkSession spark) {
        String m = failure(stepVectors(spark, List.of(List.of(1.0, 2.0), List.of(3.0)), 1.0), 0, null);
        assertMentions(m, "features column 'seq'", "steps with different numbers of features", "in 1 row(s)",
                "row 2 of partition 0", "[[1.0, 2.0], [3.0]] (2 steps)", "step 1 has 1 feature(s) but step 0 has 2",
                "same number of features");
    }

    @Test
    void stepsOfDifferentWidthsAcrossRowsNameARowOfEach(SparkSession spark) {
        String m = failure(stepVectors(spark, steps(3, 1, 3), 1.0), 0, null);
        assertMentions(m, "features column 'seq'", "steps of 2 feature(s), e.g. row 0 of partition 0",
                "and of 3, e.g. row 2 of partition 0 [[300.0, 301.0, 302.0]] (1 step)", "same number of features");
    }

    @Test
    void emptyAndNullSequencesStepsAndValuesAreRejected(SparkSession spark) {
        assertMentions(failure(stepVectors(spark, List.of(), 1.0), 0, null),
                "'seq'", "an empty sequence", "row 2 of partition 0 [] (0 steps)", "size(col) > 0");
        assertMentions(failure(stepVectors(spark, null, 1.0), 0, null),
                "'seq'", "a null sequence in 1 row(s)", "row 2 of partition 0 null", "drop those rows");
        assertMentions(failure(stepVectors(spark, Arrays.asList(List.of(1.0, 2.0), null), 1.0), 0, null),
                "'seq'", "a null step", "step 1 is null");
        assertMentions(failure(stepVectors(spark, List.of(List.of(), List.of()), 1.0), 0, null),
                "'seq'", "a step with no features", "step 0 has no values");
        assertMentions(failure(stepVectors(spark, List.of(Arrays.asList(1.0, null)), 1.0), 0, null),
                "'seq'", "a null value", "[[1.0, null]] (1 step): step 0 feature 1 is null", "impute");
    }

    @Test
    void nonFiniteValuesAreRejectedInEveryInputKind(SparkSession spark) {
        assertMentions(failure(stepVectors(spark, List.of(List.of(1.0, Double.NaN)), 1.0), 0, null),
                "'seq'", "NaN or infinite values", "step 0 feature 1 is NaN");
        Dataset<Row> series = withBadRow(spark, SERIES, DOUBLE, new Object[] {List.of(1.0, 2.0), 0.0},
                new Object[] {List.of(3.0), 1.0}, List.of(4.0, 5.0, Double.NEGATIVE_INFINITY), 0.0);
        assertMentions(failure(series, 0, null), "'seq'", "NaN or infinite values", "row 2 of partition 0",
                "step 2 is -Infinity");
    }

    @Test
    void tokenIdsOutsideTheVocabularyAreRejected(SparkSession spark) {
        for (int bad : new int[] {5, -1}) {
            Dataset<Row> tokens = withBadRow(spark, TOKENS, DOUBLE, new Object[] {List.of(0, 4), 0.0},
                    new Object[] {List.of(3), 1.0}, List.of(1, bad), 1.0);
            assertMentions(failure(tokens, 5, OptionalInt.empty()), "'seq'", "token ids outside [0, vocabularySize)",
                    "row 2 of partition 0 [1, " + bad + "] (2 steps): step 1 holds id " + bad + ", vocabularySize is 5",
                    "raise vocabularySize");
        }
    }

    @Test
    void perStepLabelsMustMatchTheSequenceLengthAndBePresent(SparkSession spark) {
        Dataset<Row> shortLabels = withBadRow(spark, SERIES, SERIES, new Object[] {List.of(1.0, 2.0), List.of(0.0, 1.0)},
                new Object[] {List.of(3.0), List.of(1.0)}, List.of(4.0, 5.0), List.of(1.0));
        assertMentions(failure(shortLabels, 0, OptionalInt.empty()), "label column 'label'",
                "whose length differs from its sequence's", "row 2 of partition 0 [4.0, 5.0] (2 steps): it has 1"
                        + " label(s) for 2 step(s)", "one label per step");
        Dataset<Row> nullStep = withBadRow(spark, SERIES, SERIES, new Object[] {List.of(1.0, 2.0), List.of(0.0, 1.0)},
                new Object[] {List.of(3.0), List.of(1.0)}, List.of(4.0, 5.0), Arrays.asList(1.0, null));
        assertMentions(failure(nullStep, 0, OptionalInt.empty()), "'label'", "a null label at a step",
                "the label of step 1 is null");
        Dataset<Row> nanStep = withBadRow(spark, SERIES, SERIES, new Object[] {List.of(1.0, 2.0), List.of(0.0, 1.0)},
                new Object[] {List.of(3.0), List.of(1.0)}, List.of(4.0, 5.0), List.of(Double.NaN, 1.0));
        assertMentions(failure(nanStep, 0, null), "'label'", "NaN or infinite labels", "the label of step 0 is NaN");
    }

    @Test
    void sequenceLabelsMustBePresentFiniteAndClassIndicesForClassification(SparkSession spark) {
        assertMentions(failure(stepVectors(spark, steps(3, 1, 2), null), 0, null),
                "label column 'label'", "a null label", "row 2 of partition 0", "drop unlabeled rows");
        assertMentions(failure(stepVectors(spark, steps(3, 1, 2), Double.POSITIVE_INFINITY), 0, null),
                "'label'", "NaN or infinite labels", "the label is Infinity");
        assertMentions(failure(stepVectors(spark, steps(3, 1, 2), 0.5), 0, OptionalInt.empty()),
                "'label'", "non-integer labels", "the label is 0.5", "0-based class indices");
        assertMentions(failure(stepVectors(spark, steps(3, 1, 2), -1.0), 0, OptionalInt.empty()),
                "'label'", "negative labels", "the label is -1.0");
        assertMentions(failure(stepVectors(spark, steps(3, 1, 2), 2.0), 0, OptionalInt.of(2)),
                "'label'", "has class 2.0, e.g. row 2 of partition 0", "2 classes (0..1) are declared");
        Dataset<Row> oneClass = withBadRow(spark, STEP_VECTORS, DOUBLE, new Object[] {steps(1, 2, 2), 1.0},
                new Object[] {steps(2, 3, 2), 1.0}, steps(3, 1, 2), 1.0);
        assertMentions(failure(oneClass, 0, OptionalInt.empty()), "'label'", "a single class (1.0) in all 3 rows");
        // A real-valued target may be anything finite.
        SequenceDataProfile regression = SequenceDataProfile.of(stepVectors(spark, steps(3, 1, 2), -0.5),
                SequenceInput.STEP_VECTORS, SequenceLabel.PER_SEQUENCE, 0);
        SequenceDataCheck.Summary summary = SequenceDataCheck.forRegression(regression, "seq", "label");
        assertEquals(2, summary.numFeatures());
        assertEquals(3, summary.maxLength());
        assertEquals(1, summary.target().width());
    }

    @Test
    void countsEveryBadRowAndShowsTheFirst(SparkSession spark) {
        List<Object[]> rows = new ArrayList<>();
        for (int id = 0; id < 6; id++) {
            rows.add(new Object[] {id % 2 == 0 ? List.of() : steps(id, 2, 1), (double) (id % 2)});
        }
        String m = failure(frame(spark, STEP_VECTORS, DOUBLE, rows).coalesce(1), 0, null);
        assertMentions(m, "an empty sequence (no steps) in 3 row(s), e.g. row 0 of partition 0");
    }

    @Test
    void wrongColumnTypesFailOnTheSchemaBeforeAnyJob() {
        StructType schema = new StructType()
                .add("text", DataTypes.StringType)
                .add("words", DataTypes.createArrayType(DataTypes.StringType))
                .add("tokens", TOKENS)
                .add("series", SERIES)
                .add("name", DataTypes.StringType)
                .add("tags", DataTypes.createArrayType(DataTypes.StringType));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceInput.of(schema, "text", 0))
                .getMessage(), "features column 'text'", "is string", "array<array<double>>");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceInput.of(schema, "words", 0))
                .getMessage(), "'words'", "array<string>", "array<int> (token ids)");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceInput.of(schema, "tokens", 0))
                .getMessage(), "'tokens'", "vocabularySize is 0", "set vocabularySize");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceInput.of(schema, "tokens",
                SequenceInput.MAX_VOCABULARY_SIZE + 1)).getMessage(), "vocabularySize is 16777217", "1..16777216");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceInput.of(schema, "series", 10))
                .getMessage(), "vocabularySize is 10", "'series'", "unset vocabularySize");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceInput.of(schema, "nope", 0))
                .getMessage(), "'nope' does not exist", "featuresCol");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceLabel.of(schema, "name"))
                .getMessage(), "label column 'name'", "is string", "StringIndexer");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SequenceLabel.of(schema, "tags"))
                .getMessage(), "'tags'", "array<string>", "array<double> with one label per step");
        assertEquals(SequenceInput.TOKEN_IDS, SequenceInput.of(schema, "tokens", 3));
        assertEquals(SequenceInput.UNIVARIATE, SequenceInput.of(schema, "series", 0));
        assertEquals(SequenceLabel.PER_STEP, SequenceLabel.of(schema, "series"));
    }

    @Test
    void truncationAndLayoutOptionsAreValidated() {
        assertEquals(Truncation.TAIL, Truncation.parse("Tail"));
        for (Truncation t : Truncation.values()) {
            assertEquals(t, Truncation.parse(t.paramValue()), "parse reads what paramValue writes");
        }
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Truncation.parse("end")).getMessage(),
                "truncate is 'end'", "'head'", "'tail'");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new SequenceLayout(SequenceInput.UNIVARIATE,
                SequenceLabel.PER_SEQUENCE, 1, SequenceTarget.real(), -1, Truncation.HEAD)).getMessage(),
                "maxSequenceLength must be >= 0");
    }
}
