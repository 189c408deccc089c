package io.deepline.pipelines.generative;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The autoencoder's input check and output columns: the code (a Vector) and the reconstruction error (a double). */
final class AutoEncoderSchema {
    private AutoEncoderSchema() {
    }

    static StructType withOutputs(StructType schema, HasAutoEncoderParams stage) {
        SchemaChecks.requireVectorColumn(schema, stage.getFeaturesCol(), "featuresCol");
        String code = stage.getCodeCol();
        String error = stage.getReconstructionErrorCol();
        SchemaChecks.requireAbsent(schema, code, "codeCol");
        SchemaChecks.requireAbsent(schema, error, "reconstructionErrorCol");
        if (!code.isEmpty() && code.equals(error)) {
            throw new IllegalArgumentException("codeCol and reconstructionErrorCol are both '" + code + "'; give the"
                    + " two outputs different names");
        }
        StructType out = schema;
        if (!code.isEmpty()) {
            out = out.add(code, SQLDataTypes.VectorType(), false);
        }
        if (!error.isEmpty()) {
            out = out.add(error, DataTypes.DoubleType, false);
        }
        return out;
    }
}
