package io.deepline.pipelines.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.interop.ScalaCollections;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The padding check of every sequence model: a row scored alone (batches of one, no padding) and scored inside
 * one big batch padded to the longest sequence must give the same outputs, within 1e-5.
 */
final class PaddingInvariance {
    static final double TOLERANCE = 1e-5;

    private PaddingInvariance() {
    }

    /** The numbers of an output value: a double, a Vector, or an array of doubles. */
    static List<Double> numbers(Object value) {
        List<Double> out = new ArrayList<>();
        if (value instanceof Vector v) {
            for (double x : v.toArray()) {
                out.add(x);
            }
        } else if (value instanceof Number n) {
            out.add(n.doubleValue());
        } else {
            for (Object x : ScalaCollections.arrayValue(value)) {
                out.add(((Number) x).doubleValue());
            }
        }
        return out;
    }

    /** @return the largest difference found (for reporting) */
    static double assertBatchIndependent(Transformer model, Dataset<Row> data, String outputCol) {
        Dataset<Row> ordered = data.withColumn("_id", functions.monotonically_increasing_id()).coalesce(1).cache();
        List<Row> alone = score(model, ordered, 1, outputCol);
        List<Row> together = score(model, ordered, 10_000, outputCol);
        assertEquals(alone.size(), together.size());
        double worst = 0;
        java.util.Set<Object> lengths = new java.util.HashSet<>();
        for (int i = 0; i < alone.size(); i++) {
            List<Double> a = numbers(alone.get(i).get(1));
            List<Double> b = numbers(together.get(i).get(1));
            assertEquals(a.size(), b.size(), "row " + i + ": output sizes differ");
            for (int k = 0; k < a.size(); k++) {
                worst = Math.max(worst, Math.abs(a.get(k) - b.get(k)));
            }
            lengths.add(together.get(i).get(2));
        }
        assertTrue(lengths.size() > 1, "the test data must hold sequences of different lengths");
        assertTrue(worst <= TOLERANCE, "padding changed an output by " + worst);
        ordered.unpersist();
        return worst;
    }

    private static List<Row> score(Transformer model, Dataset<Row> data, int batchSize, String outputCol) {
        Transformer m = model.copy(new ParamMap().put(model.getParam("inferenceBatchSize").w(batchSize)));
        return m.transform(data).orderBy("_id")
                .select(functions.col("_id"), functions.col(outputCol), functions.size(functions.col("seq")))
                .collectAsList();
    }
}
