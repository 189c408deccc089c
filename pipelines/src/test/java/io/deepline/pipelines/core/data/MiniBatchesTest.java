package io.deepline.pipelines.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Rows become mini-batches with every row exactly once, one-hot labels, and sparse vectors densified. */
@ExtendWith(SparkSessionExtension.class)
class MiniBatchesTest {
    private static final StructType SCHEMA = new StructType(new StructField[] {
            new StructField("features", new VectorUDT(), false, Metadata.empty()),
            new StructField("label", DataTypes.DoubleType, false, Metadata.empty())});

    /** Row i has features (i, 0, -i) (sparse for odd i) and label i % 3, sorted by label as files often are. */
    static Dataset<Row> rows(SparkSession spark, int n) {
        List<Row> rows = new ArrayList<>();
        for (int label = 0; label < 3; label++) {
            for (int i = label; i < n; i += 3) {
                rows.add(RowFactory.create(i % 2 == 0 ? Vectors.dense(i, 0, -i)
                        : Vectors.sparse(3, new int[] {0, 2}, new double[] {i, -i}), (double) label));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    @Test
    void everyRowLandsInExactlyOneBatchWithItsOneHotLabel(SparkSession spark) {
        JavaRDD<MiniBatch> batches = MiniBatches.build(rows(spark, 101), 3, 8, 3, LabelEncoder.oneHot(3), 7);
        try {
            assertEquals(3, batches.getNumPartitions(), "one partition per worker");
            Map<Integer, Integer> seen = new HashMap<>();
            boolean mixedBatch = false;
            for (MiniBatch b : batches.collect()) {
                assertTrue(b.rows() <= 8);
                DataSet ds = b.toDataSet();
                INDArray x = ds.getFeatures();
                INDArray y = ds.getLabels();
                for (int r = 0; r < b.rows(); r++) {
                    int id = (int) x.getDouble(r, 0);
                    assertEquals(-id, x.getDouble(r, 2), 0.0, "features stay aligned in a row");
                    assertEquals(0.0, x.getDouble(r, 1), 0.0, "sparse zeros are written as zeros");
                    assertEquals(1.0, y.getRow(r).sumNumber().doubleValue(), 0.0, "one-hot");
                    assertEquals(1.0, y.getDouble(r, id % 3), 0.0, "the hot index is the label");
                    seen.merge(id, 1, Integer::sum);
                }
                mixedBatch |= y.sum(0).gt(0).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().intValue() > 1;
            }
            assertEquals(101, seen.size());
            assertTrue(seen.values().stream().allMatch(c -> c == 1), "no row twice");
            assertTrue(mixedBatch, "rows sorted by class must be shuffled into mixed batches");
        } finally {
            batches.unpersist(false);
        }
    }

    @Test
    void sameSeedGivesSameBatches(SparkSession spark) {
        List<MiniBatch> a = MiniBatches.build(rows(spark, 30), 2, 4, 3, LabelEncoder.oneHot(3), 1).collect();
        List<MiniBatch> b = MiniBatches.build(rows(spark, 30), 2, 4, 3, LabelEncoder.oneHot(3), 1).collect();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).toDataSet(), b.get(i).toDataSet());
        }
    }
}
