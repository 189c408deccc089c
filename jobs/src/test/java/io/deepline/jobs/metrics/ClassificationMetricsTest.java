package io.deepline.jobs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkSessionExtension.class)
class ClassificationMetricsTest {

    /**
     * Labels 0,0,0,1,1,2 predicted as 0,0,1,1,1,0. Per class: F1_0 = 2/3 (P = R = 2/3), F1_1 = 0.8 (P = 2/3, R = 1),
     * F1_2 = 0 (never predicted, never right). Macro F1 = (2/3 + 0.8 + 0) / 3; weighted F1 = (3·2/3 + 2·0.8) / 6.
     */
    @Test
    void macroF1IsThePlainMeanOfPerClassF1(SparkSession spark) {
        double[][] predictionLabel = {{0, 0}, {0, 0}, {1, 0}, {1, 1}, {1, 1}, {0, 2}};
        List<Row> rows = new ArrayList<>();
        for (double[] pl : predictionLabel) {
            rows.add(RowFactory.create(pl[0], (int) pl[1]));
        }
        StructType schema = new StructType().add("prediction", DataTypes.DoubleType).add("y", DataTypes.IntegerType);
        Dataset<Row> predictions = spark.createDataFrame(rows, schema);

        ClassificationMetrics m = ClassificationMetrics.evaluate(predictions, "y", "prediction");

        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertEquals((2.0 / 3 + 0.8 + 0) / 3, m.f1Macro(), 1e-12);
        assertEquals((3 * 2.0 / 3 + 2 * 0.8) / 6, m.weightedF1(), 1e-12);
    }
}
