package io.deepline.pipelines.text;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column types of token stages, with checks whose messages say how to fix the input. */
final class TokenSchemas {
    /** The output type: ids are never null inside a sequence. */
    static final ArrayType ID_ARRAY = DataTypes.createArrayType(DataTypes.IntegerType, false);

    private TokenSchemas() {
    }

    /** Fails unless {@code column} exists and holds {@code array<string>}. */
    static void requireTokenArray(StructType schema, String column) {
        DataType type = SchemaChecks.requireColumn(schema, column, "token", "inputCol");
        if (!(type instanceof ArrayType && ((ArrayType) type).elementType().equals(DataTypes.StringType))) {
            throw new IllegalArgumentException("the token column '" + column + "' must hold array<string> but is "
                    + type.catalogString() + (type.equals(DataTypes.StringType)
                    ? "; split the text into tokens first with RegexTokenizer (or Tokenizer)"
                    : "; set inputCol to a column of token arrays, e.g. the output of RegexTokenizer"));
        }
    }
}
