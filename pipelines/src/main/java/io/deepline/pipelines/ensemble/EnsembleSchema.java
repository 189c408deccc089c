package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns an ensemble appends, in MLlib's order: rawPrediction and probability (classification), then
 * prediction. With K known, they carry MLlib's ML attributes (a nominal prediction with K values, vectors of
 * size K), so evaluators and IndexToString read them as they read a classifier's. They are declared nullable, as
 * the UDFs that compute them are.
 */
final class EnsembleSchema {
    private EnsembleSchema() {
    }

    /** The output columns' names and settings of one ensemble stage. */
    record Outputs(EnsembleKind kind, boolean soft, String predictionCol, String rawPredictionCol,
                   String probabilityCol) {
        static Outputs of(HasEnsembleParams<?> stage, EnsembleKind kind) {
            boolean classification = kind == EnsembleKind.CLASSIFICATION;
            boolean soft = classification && stage.isSoftVoting();
            return new Outputs(kind, soft, stage.getPredictionCol(),
                    classification ? stage.getRawPredictionCol() : "", soft ? stage.getProbabilityCol() : "");
        }

        boolean none() {
            return predictionCol.isEmpty() && rawPredictionCol.isEmpty() && probabilityCol.isEmpty();
        }
    }

    /**
     * {@code schema} plus the ensemble's output columns.
     *
     * @param numClasses     K, or 0 when not yet known (an estimator before fitting)
     * @param predictionType double, or Vector for a multi-output regression ensemble
     */
    static StructType append(StructType schema, Outputs outputs, int numClasses, DataType predictionType) {
        SchemaChecks.requireAbsent(schema, outputs.rawPredictionCol(), "rawPredictionCol");
        SchemaChecks.requireAbsent(schema, outputs.probabilityCol(), "probabilityCol");
        SchemaChecks.requireAbsent(schema, outputs.predictionCol(), "predictionCol");
        StructType out = schema;
        if (!outputs.rawPredictionCol().isEmpty()) {
            out = out.add(classVector(outputs.rawPredictionCol(), numClasses));
        }
        if (!outputs.probabilityCol().isEmpty()) {
            out = out.add(classVector(outputs.probabilityCol(), numClasses));
        }
        if (!outputs.predictionCol().isEmpty()) {
            out = out.add(outputs.kind() == EnsembleKind.CLASSIFICATION ? classIndex(outputs.predictionCol(), numClasses)
                    : new StructField(outputs.predictionCol(), predictionType, true, Metadata.empty()));
        }
        return out;
    }

    /** The regression members' common prediction type so far, given member {@code j}'s. */
    static DataType requireSamePrediction(DataType common, DataType type, int j) {
        if (!type.equals(DataTypes.DoubleType) && !type.equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("member " + j + " predicts " + type.catalogString() + "; an ensemble"
                    + " averages double or Vector predictions");
        }
        if (common != null && !common.equals(type)) {
            throw new IllegalArgumentException("member " + j + " predicts " + type.catalogString() + " but the members"
                    + " before it predict " + common.catalogString() + "; combine single-output with single-output"
                    + " and multi-output (Vector label) with multi-output regressors");
        }
        return type;
    }

    static Metadata metadataOf(StructType schema, String column) {
        return schema.apply(column).metadata();
    }

    private static StructField classVector(String name, int numClasses) {
        return new StructField(name, SQLDataTypes.VectorType(), true,
                numClasses > 0 ? new AttributeGroup(name, numClasses).toMetadata() : Metadata.empty());
    }

    private static StructField classIndex(String name, int numClasses) {
        return new StructField(name, DataTypes.DoubleType, true, numClasses > 0
                ? NominalAttribute.defaultAttr().withName(name).withNumValues(numClasses).toMetadata()
                : Metadata.empty());
    }
}
