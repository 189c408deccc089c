package io.deepline.pipelines.core.data.sequence;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How one label value (a sequence's, or one step's) becomes output floats: a one-hot class for a softmax head,
 * or the value itself for a single real output.
 */
public interface SequenceTarget extends Serializable {

    /** Floats per label: nOut. */
    int width();

    /** Writes {@code label} to {@code target[offset .. offset + width())}. */
    void encode(double label, float[] target, int offset);

    /** Class index k (0-based) as a one-hot vector of {@code numClasses}. */
    static SequenceTarget classes(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classification target needs numClasses >= 2, got " + numClasses);
        }
        return new SequenceTarget() {
            private static final long serialVersionUID = 1L;

            @Override
            public int width() {
                return numClasses;
            }

            @Override
            public void encode(double label, float[] target, int offset) {
                Arrays.fill(target, offset, offset + numClasses, 0f);
                target[offset + (int) label] = 1f;
            }
        };
    }

    /** A real value as one float (also a 0/1 class for a single sigmoid unit). */
    static SequenceTarget real() {
        return new SequenceTarget() {
            private static final long serialVersionUID = 1L;

            @Override
            public int width() {
                return 1;
            }

            @Override
            public void encode(double label, float[] target, int offset) {
                target[offset] = (float) label;
            }
        };
    }
}
