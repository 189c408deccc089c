package io.deepline.pipelines.core.data.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small sequence DataFrames for tests, and the checked path from rows to batches that an estimator takes. */
final class SequenceFrames {
    static final DataType STEP_VECTORS = DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType));
    static final DataType SERIES = DataTypes.createArrayType(DataTypes.DoubleType);
    static final DataType TOKENS = DataTypes.createArrayType(DataTypes.IntegerType);

    private SequenceFrames() {
    }

    /** A ("seq", "label") frame of the given column types; rows are {sequence, label} pairs (Java Lists). */
    static Dataset<Row> frame(SparkSession spark, DataType featuresType, DataType labelType, List<Object[]> rows) {
        StructType schema = new StructType()
                .add("seq", featuresType, true)
                .add("label", labelType, true);
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(RowFactory.create(r));
        }
        return spark.createDataFrame(out, schema);
    }

    /** Steps of {@code width} features, value (id·100 + t·10 + f), so every value tells where it came from. */
    static List<List<Double>> steps(int id, int length, int width) {
        List<List<Double>> steps = new ArrayList<>();
        for (int t = 0; t < length; t++) {
            List<Double> step = new ArrayList<>();
            for (int f = 0; f < width; f++) {
                step.add(id * 100.0 + t * 10 + f);
            }
            steps.add(step);
        }
        return steps;
    }

    /** Profile, check and layout as an estimator would do them, then the batches (collected; tests are small). */
    static List<SequenceBatch> batches(Dataset<Row> frame, int vocabularySize, OptionalInt classes, int numWorkers,
                                       int batchSize, int maxLength, Truncation truncation, boolean sortByLength) {
        SequenceInput input = SequenceInput.of(frame.schema(), "seq", vocabularySize);
        SequenceLabel label = SequenceLabel.of(frame.schema(), "label");
        SequenceDataProfile profile = SequenceDataProfile.of(frame, input, label, vocabularySize);
        SequenceDataCheck.Summary summary = classes == null
                ? SequenceDataCheck.forRegression(profile, "seq", "label")
                : SequenceDataCheck.forClassification(profile, "seq", "label", classes);
        SequenceLayout layout = new SequenceLayout(input, label, summary.numFeatures(), summary.target(), maxLength,
                truncation);
        JavaRDD<SequenceBatch> rdd = SequenceBatches.build(frame, numWorkers, batchSize, layout, 11L, sortByLength);
        try {
            return rdd.collect();
        } finally {
            rdd.unpersist(false);
        }
    }

    /** As above, without truncation or length sorting. */
    static List<SequenceBatch> batches(Dataset<Row> frame, int vocabularySize, OptionalInt classes, int numWorkers,
                                       int batchSize) {
        return batches(frame, vocabularySize, classes, numWorkers, batchSize, 0, Truncation.HEAD, false);
    }
}
