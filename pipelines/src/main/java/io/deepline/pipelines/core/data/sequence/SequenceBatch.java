package io.deepline.pipelines.core.data.sequence;

import io.deepline.models.state.NativeFloats;
import io.deepline.models.state.Network;
import io.deepline.pipelines.core.data.BatchContents;
import io.deepline.pipelines.core.data.TrainingBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One mini-batch of sequences padded to its own longest one, as plain float arrays in DL4J's NCW layout (Spark
 * caches and ships these, never INDArrays). Sequences start at step 0 and are padded at the end; the mask is 1
 * on real steps and 0 on padding.
 *
 * <ul>
 *   <li>features {@code [rows, numInputs, length]}, zeros on padding;</li>
 *   <li>features mask {@code [rows, length]};</li>
 *   <li>labels {@code [rows, numOutputs]} (one per sequence), or {@code [rows, numOutputs, length]} (one per
 *       step) whose labels mask is the features mask, so padded steps carry no loss.</li>
 * </ul>
 */
public final class SequenceBatch implements TrainingBatch {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int numInputs;
    private final int length;
    private final int numOutputs;
    private final float[] features;
    private final float[] mask;
    private final float[] labels;
    private final boolean perStepLabels;

    /**
     * @param features      {@code rows × numInputs × length}, C order
     * @param mask          {@code rows × length}, 1 on real steps, 0 on padding
     * @param labels        {@code rows × numOutputs}, or {@code rows × numOutputs × length} when per step
     * @param perStepLabels whether labels are per step (masked by {@code mask})
     */
    public SequenceBatch(int rows, int numInputs, int length, int numOutputs, float[] features, float[] mask,
                         float[] labels, boolean perStepLabels) {
        if (rows <= 0 || numInputs <= 0 || length <= 0 || numOutputs <= 0) {
            throw new IllegalArgumentException("a sequence batch needs rows, inputs, length and outputs > 0, got "
                    + rows + ", " + numInputs + ", " + length + ", " + numOutputs);
        }
        long labelSize = (long) rows * numOutputs * (perStepLabels ? length : 1);
        if (features.length != (long) rows * numInputs * length || mask.length != (long) rows * length
                || labels.length != labelSize) {
            throw new IllegalArgumentException("sequence batch arrays do not match " + rows + " rows × " + numInputs
                    + " inputs × " + length + " steps / " + numOutputs + " outputs" + (perStepLabels ? " per step" : ""));
        }
        this.rows = rows;
        this.numInputs = numInputs;
        this.length = length;
        this.numOutputs = numOutputs;
        this.features = features;
        this.mask = mask;
        this.labels = labels;
        this.perStepLabels = perStepLabels;
    }

    @Override
    public void writeContents(BatchContents out) {
        out.sizes(rows, numInputs, length, numOutputs, perStepLabels ? 1 : 0);
        out.floats(features);
        out.floats(labels);
        out.floats(mask);
    }

    @Override
    public int rows() {
        return rows;
    }

    public int numInputs() {
        return numInputs;
    }

    /** T: the longest sequence in this batch (after truncation); shorter ones are padded to it. */
    public int length() {
        return length;
    }

    public int numOutputs() {
        return numOutputs;
    }

    public boolean perStepLabels() {
        return perStepLabels;
    }

    /** Real (unpadded) steps of sequence {@code i}. */
    public int length(int i) {
        int n = 0;
        for (int t = 0; t < length; t++) {
            n += mask[i * length + t] > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The batch as a DL4J DataSet: NCW features with their mask, and labels with a labels mask when they are per
     * step. DL4J's recurrent layers skip masked steps, {@code LastTimeStep} takes each sequence's last real step,
     * and {@code RnnOutputLayer} gives masked steps zero loss and gradient.
     */
    public DataSet toDataSet() {
        INDArray x = NativeFloats.array(features, rows, numInputs, length);
        INDArray featuresMask = NativeFloats.array(mask, rows, length);
        if (perStepLabels) {
            INDArray y = NativeFloats.array(labels, rows, numOutputs, length);
            return new DataSet(x, y, featuresMask, NativeFloats.array(mask, rows, length));
        }
        INDArray y = NativeFloats.array(labels, rows, numOutputs);
        return new DataSet(x, y, featuresMask, null);
    }

    @Override
    public void fitOn(Network net) {
        net.fit(toDataSet());
    }
}
