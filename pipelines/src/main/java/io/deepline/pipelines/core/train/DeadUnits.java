package io.deepline.pipelines.core.train;

import io.deepline.models.state.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The share of dead units of each hidden ReLU layer (course §4.5): units whose output is 0 for every row of a probe
 * batch. A unit's output is dimension 1 of the layer's activations (a dense unit, a convolution's channel, a
 * recurrent layer's feature); it is dead when it is 0 at every other index (rows, positions, time steps).
 */
final class DeadUnits {
    private DeadUnits() {
    }

    /** By layer name, in layer order; only hidden layers whose activation is a plain ReLU. */
    static Map<String, Double> shares(Network net, List<NetworkLayers.Named> layers, INDArray probe) {
        Map<String, INDArray> activations = activations(net, probe);
        Map<String, Double> shares = new LinkedHashMap<>();
        for (NetworkLayers.Named named : layers) {
            if (isHiddenRelu(named.layer())) {
                INDArray a = activations.get(named.name());
                if (a != null && a.rank() >= 2 && a.size(1) > 0) {
                    shares.put(named.name(), deadShare(a));
                }
            }
        }
        return shares;
    }

    /** Each layer's output on {@code probe} in inference mode (no dropout), by layer name. */
    private static Map<String, INDArray> activations(Network net, INDArray probe) {
        Map<String, INDArray> byName = new LinkedHashMap<>();
        if (net.model() instanceof MultiLayerNetwork stack) {
            // Entry 0 is the input, entry i + 1 the output of layer i.
            List<INDArray> outputs = stack.feedForward(probe, false);
            for (int i = 1; i < outputs.size(); i++) {
                byName.put(Integer.toString(i - 1), outputs.get(i));
            }
            return byName;
        }
        byName.putAll(((ComputationGraph) net.model()).feedForward(probe, false));
        return byName;
    }

    private static double deadShare(INDArray activations) {
        long units = activations.size(1);
        int[] others = new int[activations.rank() - 1];
        others[0] = 0;
        for (int d = 2; d < activations.rank(); d++) {
            others[d - 1] = d;
        }
        // ReLU outputs are >= 0, so a unit is dead exactly when its largest output is 0.
        INDArray largest = activations.max(others);
        long dead = 0;
        for (long u = 0; u < units; u++) {
            if (largest.getDouble(u) <= 0) {
                dead++;
            }
        }
        return (double) dead / units;
    }

    /** A plain ReLU (no negative slope: a leaky unit still passes gradient) in a layer that is not the output. */
    static boolean isHiddenRelu(Layer layer) {
        if (layer instanceof IOutputLayer) {
            return false;
        }
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        IActivation activation = conf instanceof BaseLayer base ? base.getActivationFn()
                : conf instanceof ActivationLayer act ? act.getActivationFn() : null;
        if (!(activation instanceof ActivationReLU relu)) {
            return false;
        }
        return relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0.0;
    }
}
