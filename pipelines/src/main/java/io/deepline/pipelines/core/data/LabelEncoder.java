package io.deepline.pipelines.core.data;

import java.io.Serializable;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Writes a row's label into the float layout of a network's output: one-hot classes, a single 0/1 unit, a
 * real number, or a vector of them. The choice follows the output head (course §1.4, §2.3).
 */
public interface LabelEncoder extends Serializable {

    /** Floats per label. */
    int width();

    /** Writes the label held in {@code row.get(index)} to {@code target[offset .. offset + width())}. */
    void encode(Row row, int index, float[] target, int offset);

    /** A class index k as a one-hot vector of {@code numClasses}, for softmax heads. */
    static LabelEncoder oneHot(int numClasses) {
        return new LabelEncoder() {
            private static final long serialVersionUID = 1L;

            @Override
            public int width() {
                return numClasses;
            }

            @Override
            public void encode(Row row, int index, float[] target, int offset) {
                java.util.Arrays.fill(target, offset, offset + numClasses, 0f);
                target[offset + (int) row.getDouble(index)] = 1f;
            }
        };
    }

    /** A real label (also a 0/1 class for a single sigmoid unit) as one float. */
    static LabelEncoder scalar() {
        return new LabelEncoder() {
            private static final long serialVersionUID = 1L;

            @Override
            public int width() {
                return 1;
            }

            @Override
            public void encode(Row row, int index, float[] target, int offset) {
                target[offset] = (float) row.getDouble(index);
            }
        };
    }

    /** A {@code Vector} label of {@code size} reals, for multi-output regression. */
    static LabelEncoder vector(int size) {
        return new LabelEncoder() {
            private static final long serialVersionUID = 1L;

            @Override
            public int width() {
                return size;
            }

            @Override
            public void encode(Row row, int index, float[] target, int offset) {
                VectorFloats.copyInto((Vector) row.get(index), target, offset);
            }
        };
    }
}
