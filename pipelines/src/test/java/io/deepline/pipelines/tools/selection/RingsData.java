package io.deepline.pipelines.tools.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Three classes with curved boundaries, as the course's Fig. 9: points uniform in [-1, 1]², class 0 inside radius
 * 0.5, class 1 out to 0.85, class 2 beyond; a fraction of labels is flipped to one of the other two classes, so
 * the noise is there for a flexible model to fit. Columns {@code x} (2-vector) and {@code label}.
 */
final class RingsData {
    static final double INNER = 0.5;
    static final double OUTER = 0.85;

    private RingsData() {
    }

    static Dataset<Row> sample(SparkSession spark, int rows, double labelNoise, long seed) {
        Random random = new Random(seed);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double x = random.nextDouble() * 2 - 1;
            double y = random.nextDouble() * 2 - 1;
            double radius = Math.hypot(x, y);
            int label = radius < INNER ? 0 : radius < OUTER ? 1 : 2;
            if (random.nextDouble() < labelNoise) {
                label = (label + 1 + random.nextInt(2)) % 3;
            }
            data.add(RowFactory.create(Vectors.dense(x, y), (double) label));
        }
        StructType schema = new StructType().add("x", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        // One partition: the data is tiny and each optimizer step is a Spark job.
        return spark.createDataFrame(data, schema).coalesce(1).cache();
    }
}
