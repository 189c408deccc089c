package io.deepline.pipelines.sequence;

import io.deepline.pipelines.text.ReservedTokens;
import java.io.Serializable;
import java.util.List;

/**
 * How a {@link SequenceGenerator} lays out its steps (course §7.2, one-to-many). The network reads, at step t,
 * the feature vector x together with its own previous output y_{t−1}: one-hot of the previous token (the begin
 * token at t = 0), or the previous value (0 at t = 0). Training feeds the true previous output (teacher forcing);
 * generation feeds back its own.
 *
 * <p>Token targets are normalised: a leading begin token is dropped (it is the implicit first input) and an end
 * token is appended when missing, so the network learns where to stop.
 *
 * @param numFeatures       size of x
 * @param vocabularySize    V for token output, 0 for values
 * @param maxSequenceLength training targets are cut to this many steps (0 = no limit)
 */
record GeneratorLayout(int numFeatures, GeneratedOutput output, int vocabularySize, int maxSequenceLength)
        implements Serializable {

    /** Width of the previous-output part of a step's input, and of each step's output: V, or 1. */
    int outputWidth() {
        return output == GeneratedOutput.TOKENS ? vocabularySize : 1;
    }

    /** Inputs per step: x and the previous output. */
    int stepWidth() {
        return numFeatures + outputWidth();
    }

    /** The target steps of a label array, normalised (see above) and cut to maxSequenceLength. */
    double[] targets(List<Object> label) {
        int from = output == GeneratedOutput.TOKENS && !label.isEmpty()
                && ((Number) label.get(0)).intValue() == ReservedTokens.BEGIN_ID ? 1 : 0;
        boolean addEnd = output == GeneratedOutput.TOKENS
                && (label.size() == from || ((Number) label.get(label.size() - 1)).intValue() != ReservedTokens.END_ID);
        int length = label.size() - from + (addEnd ? 1 : 0);
        if (maxSequenceLength > 0) {
            length = Math.min(length, maxSequenceLength);
        }
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            int k = from + t;
            out[t] = k < label.size() ? ((Number) label.get(k)).doubleValue() : ReservedTokens.END_ID;
        }
        return out;
    }

    /** Step t's input: x, then the previous output (begin token or 0 before the first step). */
    void writeStepInput(float[] x, double previous, boolean first, float[] into, int offset) {
        System.arraycopy(x, 0, into, offset, numFeatures);
        int o = offset + numFeatures;
        if (output == GeneratedOutput.TOKENS) {
            java.util.Arrays.fill(into, o, o + vocabularySize, 0f);
            into[o + (first ? ReservedTokens.BEGIN_ID : (int) previous)] = 1f;
        } else {
            into[o] = first ? 0f : (float) previous;
        }
    }

    /** Teacher-forced inputs for targets y: step-major {@code [T × stepWidth]}. */
    float[] teacherForcedInputs(float[] x, double[] targets) {
        float[] inputs = new float[targets.length * stepWidth()];
        for (int t = 0; t < targets.length; t++) {
            writeStepInput(x, t == 0 ? 0 : targets[t - 1], t == 0, inputs, t * stepWidth());
        }
        return inputs;
    }

    /** The loss targets: step-major {@code [T × outputWidth]}, one-hot tokens or the values. */
    float[] encodedTargets(double[] targets) {
        float[] out = new float[targets.length * outputWidth()];
        for (int t = 0; t < targets.length; t++) {
            if (output == GeneratedOutput.TOKENS) {
                out[t * vocabularySize + (int) targets[t]] = 1f;
            } else {
                out[t] = (float) targets[t];
            }
        }
        return out;
    }
}
