package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/** Where a sequence's labels sit: one per sequence (many-to-one) or one per time step. */
public enum SequenceLabel {
    /** A number per row (class index or real target); labels {@code [batch, nOut]}. */
    PER_SEQUENCE,
    /**
     * An {@code array<double>} per row, as long as its sequence (class index or real value per step); labels
     * {@code [batch, nOut, T]} with a {@code [batch, T]} labels mask.
     */
    PER_STEP;

    /** The kind of {@code column} in {@code schema}, checked before any Spark job. */
    public static SequenceLabel of(StructType schema, String column) {
        DataType type = SchemaChecks.requireColumn(schema, column, "label", "labelCol");
        if (type instanceof NumericType) {
            return PER_SEQUENCE;
        }
        if (type instanceof ArrayType a && a.elementType() instanceof NumericType) {
            return PER_STEP;
        }
        throw new IllegalArgumentException("the label column '" + column + "' is " + type.catalogString()
                + " but sequence labels must be a number per sequence (class index or target) or array<double> with"
                + " one label per step" + (type.typeName().equals("string")
                ? "; index string labels into 0-based class numbers with StringIndexer" : ""));
    }
}
