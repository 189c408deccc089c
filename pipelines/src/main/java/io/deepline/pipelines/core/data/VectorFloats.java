package io.deepline.pipelines.core.data;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/** Copies ML vectors into float arrays, the layout networks consume, touching only stored values of sparse ones. */
public final class VectorFloats {
    private VectorFloats() {
    }

    /** Writes {@code v} into {@code target[offset .. offset + v.size())}; zeros where a sparse vector stores none. */
    public static void copyInto(Vector v, float[] target, int offset) {
        if (v instanceof SparseVector sparse) {
            Arrays.fill(target, offset, offset + sparse.size(), 0f);
            int[] indices = sparse.indices();
            double[] values = sparse.values();
            for (int k = 0; k < indices.length; k++) {
                target[offset + indices[k]] = (float) values[k];
            }
        } else {
            double[] values = v.toArray();
            for (int k = 0; k < values.length; k++) {
                target[offset + k] = (float) values[k];
            }
        }
    }

    /** {@code v} as a new float array. */
    public static float[] of(Vector v) {
        float[] out = new float[v.size()];
        copyInto(v, out, 0);
        return out;
    }
}
