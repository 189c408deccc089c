package io.deepline.pipelines.core.data;

import java.util.OptionalInt;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.BinaryAttribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.types.StructField;

/** Reads the number of classes from a label column's ML attribute metadata, as MLlib's classifiers do. */
public final class ClassLabels {
    private ClassLabels() {
    }

    /** The declared number of classes, or empty when the column carries no nominal metadata. */
    public static OptionalInt declaredNumClasses(StructField labelField) {
        Attribute attribute = Attribute.fromStructField(labelField);
        if (attribute instanceof BinaryAttribute) {
            return OptionalInt.of(2);
        }
        if (attribute instanceof NominalAttribute nominal && nominal.getNumValues().isDefined()) {
            return OptionalInt.of((Integer) nominal.getNumValues().get());
        }
        return OptionalInt.empty();
    }
}
