package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.data.InvalidDataException;
import io.deepline.pipelines.core.interop.ScalaCollections;
import java.io.Serializable;
import java.util.List;

/**
 * Reads one sequence value of a features column into step-major floats ({@code length × numFeatures}), applying
 * the truncation, and fails on a bad value with an {@link IllegalArgumentException} that names the column, the
 * row and the fix. Scoring uses it on rows nobody has checked; training uses it on rows the
 * {@link SequenceDataProfile} already passed.
 */
public final class SequenceReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SequenceInput input;
    private final int numFeatures;
    private final int vocabularySize;
    private final int maxSequenceLength;
    private final Truncation truncation;
    private final String column;

    /**
     * @param vocabularySize    token ids must lie in [0, vocabularySize) for {@link SequenceInput#TOKEN_IDS}
     * @param maxSequenceLength longer sequences are cut to this many steps; 0 = no limit
     */
    public SequenceReader(SequenceInput input, int numFeatures, int vocabularySize, int maxSequenceLength,
                          Truncation truncation, String column) {
        this.input = input;
        this.numFeatures = numFeatures;
        this.vocabularySize = vocabularySize;
        this.maxSequenceLength = maxSequenceLength;
        this.truncation = truncation;
        this.column = column;
    }

    public int numFeatures() {
        return numFeatures;
    }

    /** The step index of the first kept step of a sequence of {@code length} steps. */
    public int firstKept(int length) {
        return truncation.firstKept(length, maxSequenceLength);
    }

    /** The number of steps kept of a sequence of {@code length} steps. */
    public int keptLength(int length) {
        return Truncation.keptLength(length, maxSequenceLength);
    }

    /** The number of steps of {@code value} before truncation; fails on null or empty. */
    public int length(Object value, String row) {
        if (value == null) {
            throw bad(row, "is null", "drop or fill null sequences before scoring");
        }
        int length = ScalaCollections.arrayValue(value).size();
        if (length == 0) {
            throw bad(row, "is empty", "a recurrent network needs at least one step; filter size(col) > 0");
        }
        return length;
    }

    /**
     * The kept steps of {@code value} as step-major floats.
     *
     * @param row how to name the row in an error, e.g. "row 3 of partition 0"
     */
    public float[] read(Object value, String row) {
        int total = length(value, row);
        List<Object> steps = ScalaCollections.arrayValue(value);
        int first = firstKept(total);
        int length = keptLength(total);
        float[] out = new float[length * numFeatures];
        for (int t = 0; t < length; t++) {
            Object step = steps.get(first + t);
            if (input == SequenceInput.STEP_VECTORS) {
                List<Object> values = step == null ? null : ScalaCollections.arrayValue(step);
                if (values == null || values.size() != numFeatures) {
                    throw bad(row, "has " + (values == null ? "a null step" : "a step of " + values.size()
                            + " feature(s)") + " at step " + (first + t), "every step needs " + numFeatures
                            + " feature(s), as in training");
                }
                for (int f = 0; f < numFeatures; f++) {
                    out[t * numFeatures + f] = value(values.get(f), row, first + t);
                }
            } else {
                out[t] = value(step, row, first + t);
            }
        }
        return out;
    }

    private float value(Object value, String row, int step) {
        if (value == null) {
            throw bad(row, "has a null value at step " + step, "impute or drop such rows");
        }
        double x = ((Number) value).doubleValue();
        if (input == SequenceInput.TOKEN_IDS) {
            long id = ((Number) value).longValue();
            if (id < 0 || id >= vocabularySize) {
                throw bad(row, "holds token id " + id + " at step " + step, "ids must lie in [0, " + vocabularySize
                        + "), the vocabulary the model was trained on; index the text with the same vocabulary stage");
            }
        } else if (!Double.isFinite(x)) {
            throw bad(row, "holds " + x + " at step " + step, "impute or drop NaN and infinite values");
        }
        return (float) x;
    }

    private InvalidDataException bad(String row, String what, String fix) {
        return new InvalidDataException("the features column '" + column + "' " + row + " " + what + "; " + fix);
    }
}
