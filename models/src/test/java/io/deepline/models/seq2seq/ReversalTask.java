package io.deepline.models.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The synthetic task of the sequence-to-sequence tests: reverse a string of digits. Digit d is token
 * {@link ReservedIds#COUNT} + d, so both vocabularies have 14 ids. Strings come from a seeded generator.
 */
public final class ReversalTask {
    public static final int VOCABULARY = ReservedIds.COUNT + 10;

    private ReversalTask() {
    }

    /** {@code count} random digit strings (as token ids) of lengths in [minLength, maxLength]. */
    public static List<int[]> sources(Random random, int count, int minLength, int maxLength) {
        List<int[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int[] ids = new int[minLength + random.nextInt(maxLength - minLength + 1)];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = ReservedIds.COUNT + random.nextInt(10);
            }
            out.add(ids);
        }
        return out;
    }

    public static int[] reversed(int[] ids) {
        int[] out = new int[ids.length];
        for (int t = 0; t < ids.length; t++) {
            out[t] = ids[ids.length - 1 - t];
        }
        return out;
    }

    /**
     * A training batch: source ids and decoder inputs (begin, y_1 … y_{n−1}... i.e. begin then the reversed string)
     * padded at the end with their masks, and one-hot labels (the reversed string, then end) masked like the
     * decoder inputs.
     */
    public static MultiDataSet batch(List<int[]> sources) {
        int batch = sources.size();
        int sourceSteps = sources.stream().mapToInt(s -> s.length).max().orElse(0);
        int targetSteps = sourceSteps + 1;
        INDArray source = Nd4j.zeros(DataType.FLOAT, batch, 1, sourceSteps);
        INDArray sourceMask = Nd4j.zeros(DataType.FLOAT, batch, sourceSteps);
        INDArray target = Nd4j.zeros(DataType.FLOAT, batch, 1, targetSteps);
        INDArray targetMask = Nd4j.zeros(DataType.FLOAT, batch, targetSteps);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, VOCABULARY, targetSteps);
        for (int e = 0; e < batch; e++) {
            int[] x = sources.get(e);
            int[] y = reversed(x);
            for (int t = 0; t < x.length; t++) {
                source.putScalar(new long[] {e, 0, t}, x[t]);
                sourceMask.putScalar(e, t, 1.0);
            }
            for (int t = 0; t <= y.length; t++) {
                target.putScalar(new long[] {e, 0, t}, t == 0 ? ReservedIds.BEGIN : y[t - 1]);
                targetMask.putScalar(e, t, 1.0);
                labels.putScalar(new long[] {e, t == y.length ? ReservedIds.END : y[t], t}, 1.0);
            }
        }
        return new MultiDataSet(new INDArray[] {source, target}, new INDArray[] {labels},
                new INDArray[] {sourceMask, targetMask}, new INDArray[] {targetMask});
    }

    /** Source ids [batch, 1, steps] padded at the end to {@code steps} (≥ the longest), and the mask [batch, steps]. */
    public static INDArray[] padded(List<int[]> sources, int steps) {
        INDArray ids = Nd4j.zeros(DataType.FLOAT, sources.size(), 1, steps);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, sources.size(), steps);
        for (int e = 0; e < sources.size(); e++) {
            for (int t = 0; t < sources.get(e).length; t++) {
                ids.putScalar(new long[] {e, 0, t}, sources.get(e)[t]);
                mask.putScalar(e, t, 1.0);
            }
        }
        return new INDArray[] {ids, mask};
    }
}
