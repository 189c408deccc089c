package io.deepline.pipelines.data;

import java.io.Serializable;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One mini-batch as plain row-major float arrays. Spark caches and ships these, never INDArrays: plain arrays
 * serialize with the Java serializer and spill to disk like any other data.
 */
public final class MiniBatch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int numFeatures;
    private final int numOutputs;
    private final float[] features;
    private final float[] labels;

    /**
     * @param features {@code rows × numFeatures}, row-major
     * @param labels   {@code rows × numOutputs}, row-major (one-hot for classification)
     */
    public MiniBatch(int rows, int numFeatures, int numOutputs, float[] features, float[] labels) {
        if (rows <= 0 || numFeatures <= 0 || numOutputs <= 0) {
            throw new IllegalArgumentException("a mini-batch needs rows, features and outputs > 0, got "
                    + rows + ", " + numFeatures + ", " + numOutputs);
        }
        if (features.length != (long) rows * numFeatures || labels.length != (long) rows * numOutputs) {
            throw new IllegalArgumentException("mini-batch arrays do not match " + rows + " rows × " + numFeatures
                    + " features / " + numOutputs + " outputs");
        }
        this.rows = rows;
        this.numFeatures = numFeatures;
        this.numOutputs = numOutputs;
        this.features = features;
        this.labels = labels;
    }

    public int rows() {
        return rows;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public int numOutputs() {
        return numOutputs;
    }

    /** The batch as a DL4J DataSet ({@code [rows, numFeatures]} features, {@code [rows, numOutputs]} labels). */
    public DataSet toDataSet() {
        return new DataSet(Nd4j.create(features, new long[] {rows, numFeatures}, 'c'),
                Nd4j.create(labels, new long[] {rows, numOutputs}, 'c'));
    }
}
