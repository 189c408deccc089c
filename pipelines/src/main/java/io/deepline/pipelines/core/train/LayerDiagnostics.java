package io.deepline.pipelines.core.train;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.TrainingBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The per-epoch diagnostics of {@code gradientDiagnostics} (course §4.5: vanishing and exploding gradients, dead
 * ReLUs), computed on the driver from what the epoch already produced, so they cost no Spark job:
 * <ul>
 *   <li>{@code gradientNorm.<layer>}: the L2 norm of the layer's part of the epoch's mean mini-batch gradient (the
 *       one whose global norm is {@code gradientNorm}), for every layer with params. Norms shrinking by orders of
 *       magnitude towards the input mean vanishing gradients; growing ones, exploding gradients.</li>
 *   <li>{@code deadUnits.<layer>}: for every hidden ReLU layer, the share of its units (channels of a
 *       convolution) whose output is 0 on every row of the probe batch, under the epoch's averaged params. Such a
 *       unit passes no gradient back, so it stays dead (leaky ReLUs cannot die and are left out).</li>
 * </ul>
 * {@code <layer>} is named by {@link NetworkLayers}. The probe is the first mini-batch of the first partition, at
 * most {@link #PROBE_ROWS} rows, kept on the driver; fits on other batch kinds (sequences, ELBO) get no dead-unit
 * shares, as the probe needs a tabular feature matrix.
 */
public final class LayerDiagnostics {
    /** Key prefix of a layer's gradient norm. */
    public static final String GRADIENT_NORM = "gradientNorm.";
    /** Key prefix of a ReLU layer's dead-unit share. */
    public static final String DEAD_UNITS = "deadUnits.";
    /** Most rows of the probe batch. */
    static final int PROBE_ROWS = 256;

    private final Network net;
    private final List<NetworkLayers.Named> layers;
    private final INDArray probe;

    private LayerDiagnostics(Network net, INDArray probe) {
        this.net = net;
        this.layers = NetworkLayers.of(net);
        this.probe = probe;
    }

    /**
     * @param initial the fit's network (any state: only its configuration is used)
     * @param first   a training batch to probe for dead units, or null for none
     */
    static LayerDiagnostics start(NetworkSnapshot initial, TrainingBatch first) {
        Network net = initial.restoreForInference();
        INDArray probe = null;
        if (first instanceof MiniBatch tabular && net.numInputs() == 1) {
            INDArray features = tabular.toDataSet().getFeatures();
            probe = features.rows() > PROBE_ROWS
                    ? features.get(NDArrayIndex.interval(0, PROBE_ROWS), NDArrayIndex.all()).dup() : features;
        }
        return new LayerDiagnostics(net, probe);
    }

    /**
     * The diagnostics of one epoch, in layer order: dead-unit shares under {@code state}'s params, gradient norms of
     * {@code meanGradient} (flattened as the params; null when no batch was fitted: no norms then).
     */
    Map<String, Double> of(NetworkSnapshot state, double[] meanGradient) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (probe != null) {
            net.params().assign(Nd4j.createFromArray(state.params()));
            DeadUnits.shares(net, layers, probe).forEach((layer, share) -> values.put(DEAD_UNITS + layer, share));
        }
        if (meanGradient != null) {
            if (meanGradient.length != net.params().length()) {
                throw new IllegalStateException("the workers' gradient has " + meanGradient.length + " values but the"
                        + " network has " + net.params().length() + " params; they trained another configuration");
            }
            // Each layer's params are a view of the flattened params: loading the gradient into them hands every
            // layer its own part, whatever the flattening order of a graph.
            net.params().assign(Nd4j.createFromArray(meanGradient));
            for (NetworkLayers.Named named : layers) {
                Layer layer = named.layer();
                if (layer.numParams() > 0) {
                    values.put(GRADIENT_NORM + named.name(),
                            layer.params().castTo(DataType.DOUBLE).norm2Number().doubleValue());
                }
            }
        }
        return values;
    }
}
