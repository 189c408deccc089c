package io.deepline.pipelines.classification.perceptron;

import java.io.Serializable;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * The perceptron's state {@code (w, b)} as plain doubles, and the course's rule (section 1.7):
 * <pre>
 *   prediction  y^ = psi(w.x + b),   psi(z) = -1 + 2 I[z &gt; 0]   (so psi(0) = -1)
 *   on a mistake (psi(w.x + b) != y):   w &lt;- w + y x,   b &lt;- b + y
 * </pre>
 * Labels here are the signs -1 and +1. The state is mutable on purpose: a worker updates its own
 * {@link #copy()} in place for every row of an epoch. It holds no Spark or ND4J objects, so it broadcasts and
 * serializes as two plain values and can be tested without Spark.
 */
final class PerceptronWeights implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] w;
    private double b;

    /** Takes ownership of {@code w}. */
    PerceptronWeights(double[] w, double b) {
        this.w = w;
        this.b = b;
    }

    /**
     * The starting point {@code w = 0, b = 0}. The course starts from random weights; zero is the standard choice
     * (the convergence proof starts there too) and makes every fit reproducible without a weight seed.
     */
    static PerceptronWeights zeros(int numFeatures) {
        return new PerceptronWeights(new double[numFeatures], 0.0);
    }

    /** psi: +1 if {@code z > 0}, else -1. */
    static int psi(double z) {
        return z > 0 ? 1 : -1;
    }

    int numFeatures() {
        return w.length;
    }

    /** The live weight array; callers outside this package get copies from the model. */
    double[] w() {
        return w;
    }

    double b() {
        return b;
    }

    /** {@code w.x + b} for row {@code row} of a row-major block of rows of {@code numFeatures()} values. */
    double score(double[] rows, int row) {
        int offset = row * w.length;
        double z = b;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * rows[offset + j];
        }
        return z;
    }

    /** {@code w.x + b}; touches only the stored values of a sparse vector. */
    double score(Vector x) {
        double z = b;
        if (x instanceof SparseVector sparse) {
            int[] indices = sparse.indices();
            double[] values = sparse.values();
            for (int k = 0; k < indices.length; k++) {
                z += w[indices[k]] * values[k];
            }
        } else {
            double[] values = x.toArray();
            for (int j = 0; j < values.length; j++) {
                z += w[j] * values[j];
            }
        }
        return z;
    }

    /**
     * One step of the rule on row {@code row} with sign {@code y} (-1 or +1).
     *
     * @return whether the row was a mistake (and the weights were updated)
     */
    boolean learn(double[] rows, int row, int y) {
        if (psi(score(rows, row)) == y) {
            return false;
        }
        int offset = row * w.length;
        for (int j = 0; j < w.length; j++) {
            w[j] += y * rows[offset + j];
        }
        b += y;
        return true;
    }

    /** A deep copy: the broadcast value is shared by every task of an executor and must never be updated. */
    PerceptronWeights copy() {
        return new PerceptronWeights(w.clone(), b);
    }
}
