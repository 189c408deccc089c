package io.deepline.pipelines.generative;

import io.deepline.models.optim.VaeElboStep;
import io.deepline.models.state.Network;
import io.deepline.models.state.ThreadArrays;
import io.deepline.pipelines.core.data.BatchContents;
import io.deepline.pipelines.core.data.TrainingBatch;

/**
 * A mini-batch of unlabeled rows for a variational autoencoder, as plain row-major floats. Its {@link #fitOn} is
 * one step on the negative ELBO ({@link VaeElboStep}), whose optimizer state lives in the network's updater view,
 * so {@code ParameterAveragingTrainer} snapshots and averages it like any other network's.
 */
public final class ElboBatch implements TrainingBatch {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int numFeatures;
    private final float[] features;

    /** @param features {@code rows × numFeatures}, row-major */
    public ElboBatch(int rows, int numFeatures, float[] features) {
        if (rows <= 0 || numFeatures <= 0 || features.length != (long) rows * numFeatures) {
            throw new IllegalArgumentException("an ELBO batch needs rows and features > 0 and " + rows + " × "
                    + numFeatures + " values, got " + features.length);
        }
        this.rows = rows;
        this.numFeatures = numFeatures;
        this.features = features;
    }

    @Override
    public void writeContents(BatchContents out) {
        out.sizes(rows, numFeatures);
        out.floats(features);
    }

    @Override
    public int rows() {
        return rows;
    }

    public int numFeatures() {
        return numFeatures;
    }

    @Override
    public void fitOn(Network net) {
        VaeElboStep.fit(net.asMultiLayer(), ThreadArrays.filled("elbo-features", features, rows, numFeatures));
    }
}
