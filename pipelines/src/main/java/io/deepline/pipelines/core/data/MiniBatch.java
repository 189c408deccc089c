package io.deepline.pipelines.core.data;

import io.deepline.models.state.NativeFloats;
import io.deepline.models.state.Network;
import io.deepline.models.state.ThreadArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One mini-batch as plain row-major float arrays. Spark caches and ships these, never INDArrays: plain arrays
 * serialize with the Java serializer and spill to disk like any other data.
 */
public final class MiniBatch implements TrainingBatch {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int numFeatures;
    private final int numOutputs;
    private final float[] features;
    private final float[] labels;
    private final float[] weights;

    /** An unweighted batch. */
    public MiniBatch(int rows, int numFeatures, int numOutputs, float[] features, float[] labels) {
        this(rows, numFeatures, numOutputs, features, labels, null);
    }

    /**
     * @param features {@code rows × numFeatures}, row-major
     * @param labels   {@code rows × numOutputs}, row-major (one-hot for classification)
     * @param weights  one weight per row, or null when unweighted
     */
    public MiniBatch(int rows, int numFeatures, int numOutputs, float[] features, float[] labels,
                     float[] weights) {
        if (rows <= 0 || numFeatures <= 0 || numOutputs <= 0) {
            throw new IllegalArgumentException("a mini-batch needs rows, features and outputs > 0, got "
                    + rows + ", " + numFeatures + ", " + numOutputs);
        }
        if (features.length != (long) rows * numFeatures || labels.length != (long) rows * numOutputs) {
            throw new IllegalArgumentException("mini-batch arrays do not match " + rows + " rows × " + numFeatures
                    + " features / " + numOutputs + " outputs");
        }
        if (weights != null && weights.length != rows) {
            throw new IllegalArgumentException("mini-batch weights do not match " + rows + " rows");
        }
        this.rows = rows;
        this.numFeatures = numFeatures;
        this.numOutputs = numOutputs;
        this.features = features;
        this.labels = labels;
        this.weights = weights;
    }

    @Override
    public void writeContents(BatchContents out) {
        out.sizes(rows, numFeatures, numOutputs);
        out.floats(features);
        out.floats(labels);
        out.floats(weights);
    }

    @Override
    public int rows() {
        return rows;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public int numOutputs() {
        return numOutputs;
    }

    /** The sum of the row weights; the row count when unweighted. */
    public double weightSum() {
        if (weights == null) {
            return rows;
        }
        double sum = 0;
        for (float w : weights) {
            sum += w;
        }
        return sum;
    }

    /** Row {@code i}'s weight; 1 when unweighted. */
    public float weight(int i) {
        return weights == null ? 1f : weights[i];
    }

    public boolean isWeighted() {
        return weights != null;
    }

    /**
     * The batch as a DL4J DataSet ({@code [rows, numFeatures]} features, {@code [rows, numOutputs]} labels).
     * Weights become the labels mask {@code [rows, 1]}: the networks' {@code WeightedOutput} layer multiplies each
     * example's loss and gradient by its mask value, so a weighted batch's loss is Σ w_i·L_i / rows.
     */
    public DataSet toDataSet() {
        INDArray x = NativeFloats.array(features, rows, numFeatures);
        INDArray y = NativeFloats.array(labels, rows, numOutputs);
        INDArray mask = weights == null ? null : NativeFloats.array(weights, rows, 1);
        return new DataSet(x, y, null, mask);
    }

    /**
     * {@link #toDataSet()} in this thread's reused arrays ({@link ThreadArrays}): valid until the thread's next call,
     * for a fit or a scoring pass that uses it at once. Allocating fresh native arrays for every step
     * is much slower than refilling these (see ThreadArrays).
     */
    public DataSet toTransientDataSet() {
        INDArray x = ThreadArrays.filled("batch-features", features, rows, numFeatures);
        INDArray y = ThreadArrays.filled("batch-labels", labels, rows, numOutputs);
        INDArray mask = weights == null ? null : ThreadArrays.filled("batch-weights", weights, rows, 1);
        return new DataSet(x, y, null, mask);
    }

    @Override
    public void fitOn(Network net) {
        net.fit(toTransientDataSet());
    }
}
