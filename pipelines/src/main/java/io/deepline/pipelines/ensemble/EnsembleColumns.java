package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.interop.ScalaCollections;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Row-wise column expressions that combine the members' output columns (course §3.3): means, vote counts,
 * sums of probability vectors and their argmax. Each is one expression or UDF over the row's J member columns,
 * so the combination needs no collect and no join.
 */
final class EnsembleColumns {
    private EnsembleColumns() {
    }

    /** (1/J) Σ_j column_j of J double columns. */
    static Column mean(List<String> columns) {
        Column sum = functions.col(columns.get(0));
        for (int j = 1; j < columns.size(); j++) {
            sum = sum.plus(functions.col(columns.get(j)));
        }
        return sum.divide(columns.size());
    }

    /**
     * Σ_j ŷ_j, the one-hot encodings of J class-index columns summed: entry k counts the members that predict
     * class k.
     */
    static Column voteCounts(List<String> predictionColumns, int numClasses) {
        return functions.udf(new VoteCounts(numClasses), SQLDataTypes.VectorType()).apply(array(predictionColumns));
    }

    /** Σ_j v_j of J Vector columns of one size ({@code size}, or the first vector's when 0). */
    static Column sum(List<String> vectorColumns, int size, String what) {
        return functions.udf(new VectorSum(size, what), SQLDataTypes.VectorType()).apply(array(vectorColumns));
    }

    /** {@code factor} · v. */
    static Column scaled(Column vector, double factor) {
        return functions.udf(new Scale(factor), SQLDataTypes.VectorType()).apply(vector);
    }

    /** The index of the largest entry as a double; ties go to the lowest index. */
    static Column argmax(Column vector) {
        return functions.udf(new Argmax(), DataTypes.DoubleType).apply(vector);
    }

    private static Column array(List<String> columns) {
        return functions.array(columns.stream().map(functions::col).toArray(Column[]::new));
    }

    private static final class VoteCounts implements UDF1<Object, Vector> {
        private static final long serialVersionUID = 1L;
        private final int numClasses;

        VoteCounts(int numClasses) {
            this.numClasses = numClasses;
        }

        @Override
        public Vector call(Object value) {
            List<Object> predictions = ScalaCollections.arrayValue(value);
            double[] votes = new double[numClasses];
            for (int j = 0; j < predictions.size(); j++) {
                Object p = predictions.get(j);
                double d = p == null ? Double.NaN : ((Number) p).doubleValue();
                int k = (int) d;
                if (k != d || k < 0 || k >= numClasses) {
                    throw new IllegalStateException("member " + j + " predicted " + p + ", not a class index in [0, "
                            + numClasses + "); its prediction column must hold 0-based class indices");
                }
                votes[k] += 1;
            }
            return Vectors.dense(votes);
        }
    }

    private static final class VectorSum implements UDF1<Object, Vector> {
        private static final long serialVersionUID = 1L;
        private final int size;
        private final String what;

        VectorSum(int size, String what) {
            this.size = size;
            this.what = what;
        }

        @Override
        public Vector call(Object value) {
            List<Vector> vectors = ScalaCollections.arrayValue(value);
            double[] sum = null;
            for (int j = 0; j < vectors.size(); j++) {
                Vector v = vectors.get(j);
                if (v == null) {
                    throw new IllegalStateException("member " + j + " gave a null " + what + " for a row; the"
                            + " ensemble needs every member's " + what + " on every row");
                }
                if (sum == null) {
                    sum = new double[size > 0 ? size : v.size()];
                }
                if (v.size() != sum.length) {
                    throw new IllegalStateException("member " + j + "'s " + what + " has " + v.size()
                            + " entries but the ensemble expects " + sum.length + "; its members must predict the"
                            + " same number of " + (size > 0 ? "classes" : "outputs"));
                }
                double[] values = v.toArray();
                for (int i = 0; i < values.length; i++) {
                    sum[i] += values[i];
                }
            }
            return Vectors.dense(sum);
        }
    }

    private static final class Scale implements UDF1<Vector, Vector> {
        private static final long serialVersionUID = 1L;
        private final double factor;

        Scale(double factor) {
            this.factor = factor;
        }

        @Override
        public Vector call(Vector v) {
            double[] values = v.toArray().clone();
            for (int i = 0; i < values.length; i++) {
                values[i] *= factor;
            }
            return Vectors.dense(values);
        }
    }

    private static final class Argmax implements UDF1<Vector, Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public Double call(Vector v) {
            int best = 0;
            for (int i = 1; i < v.size(); i++) {
                if (v.apply(i) > v.apply(best)) {
                    best = i;
                }
            }
            return (double) best;
        }
    }
}
