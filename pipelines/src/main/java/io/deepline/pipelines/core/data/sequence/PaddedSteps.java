package io.deepline.pipelines.core.data.sequence;

import io.deepline.models.state.NativeFloats;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sequences of different lengths padded at the end to the longest one, in DL4J's NCW layout: features
 * {@code [rows, numFeatures, length]} (zeros on padding) and a mask {@code [rows, length]} (1 on real steps).
 */
public record PaddedSteps(int rows, int numFeatures, int length, float[] features, float[] mask) {

    /** @param sequences step-major floats ({@code steps × numFeatures}) of each row */
    public static PaddedSteps of(List<float[]> sequences, int numFeatures) {
        int rows = sequences.size();
        int length = 0;
        for (float[] s : sequences) {
            length = Math.max(length, s.length / numFeatures);
        }
        float[] features = new float[rows * numFeatures * length];
        float[] mask = new float[rows * length];
        for (int b = 0; b < rows; b++) {
            float[] s = sequences.get(b);
            for (int t = 0; t < s.length / numFeatures; t++) {
                mask[b * length + t] = 1f;
                for (int f = 0; f < numFeatures; f++) {
                    features[(b * numFeatures + f) * length + t] = s[t * numFeatures + f];
                }
            }
        }
        return new PaddedSteps(rows, numFeatures, length, features, mask);
    }

    public INDArray featuresArray() {
        return NativeFloats.array(features, rows, numFeatures, length);
    }

    public INDArray maskArray() {
        return NativeFloats.array(mask, rows, length);
    }
}
