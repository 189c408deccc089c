package io.deepline.pipelines.core.train;

import io.deepline.models.state.Network;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sums, on a worker, the gradient of each fitted mini-batch's mean training loss, for {@code gradientNormStop}.
 * DL4J calls {@link #onGradientCalculation} after backpropagation and before its updater turns the gradient into a
 * step (and before it adds the L2 penalty's gradient, so that is not in it). The gradient it hands over is summed
 * over the batch's examples (the updater divides by the batch size later), so each is divided by the batch's rows
 * here: the sum is then of per-batch mean gradients, each at the params that batch saw.
 */
final class GradientProbe extends BaseTrainingListener {
    private double[] sum;
    private long batches;

    private GradientProbe() {
    }

    /** A probe listening to {@code net}'s fits until {@link #detach}. Worker networks have no other listener. */
    static GradientProbe attach(Network net) {
        GradientProbe probe = new GradientProbe();
        net.model().setListeners(probe);
        return probe;
    }

    /** Stops listening: the worker's cached network serves later rounds and fits without a probe. */
    void detach(Network net) {
        net.model().setListeners(List.of());
    }

    @Override
    public void onGradientCalculation(Model model) {
        INDArray gradient = model.gradient().gradient();
        double[] values = gradient.castTo(DataType.DOUBLE).reshape(gradient.length()).toDoubleVector();
        double rows = Math.max(1, model.batchSize());
        if (sum == null) {
            sum = new double[values.length];
        }
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i] / rows;
        }
        batches++;
    }

    /** The sum of the per-batch mean gradients so far; null before the first batch. */
    double[] sum() {
        return sum;
    }

    /** Mini-batches summed. */
    long batches() {
        return batches;
    }
}
