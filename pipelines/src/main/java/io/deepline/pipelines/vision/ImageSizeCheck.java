package io.deepline.pipelines.vision;

import io.deepline.models.spec.ImageShape;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.sql.types.StructType;

/** That the features vectors hold exactly one image of the configured shape. */
final class ImageSizeCheck {
    private ImageSizeCheck() {
    }

    /**
     * Checks the vector size recorded in the column's ML metadata, when there is one (VectorAssembler records it), so
     * a wrong {@code imageShape} fails in {@code transformSchema}, before any data is read.
     */
    static void requireMatchesSchema(StructType schema, String featuresCol, ImageShape shape) {
        int size = AttributeGroup.fromStructField(schema.apply(featuresCol)).size();
        if (size >= 0) {
            requireMatches(size, featuresCol, shape);
        }
    }

    /** Checks the vector size measured on the data. */
    static void requireMatches(int vectorSize, String featuresCol, ImageShape shape) {
        if (vectorSize != shape.size()) {
            throw new IllegalArgumentException("featuresCol '" + featuresCol + "' holds vectors of " + vectorSize
                    + " values, but imageShape " + shape + " needs " + shape.size() + " (channels × height × width);"
                    + " set imageShape to the shape of the images in '" + featuresCol + "'");
        }
    }
}
