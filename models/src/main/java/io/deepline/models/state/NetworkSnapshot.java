package io.deepline.models.state;

import java.io.Serializable;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything needed to rebuild or continue training a network (a layer stack or a graph), in plain Java
 * arrays: the configuration JSON, the flattened parameters, the flattened optimizer state, and the iteration and
 * epoch counters (Adam's bias correction and learning-rate schedules read them).
 *
 * <p>The arrays are shared, not copied, because snapshots of large networks are broadcast every averaging
 * round; treat them as read-only.
 */
public final class NetworkSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String configurationJson;
    private final float[] params;
    private final float[] updaterState;
    private final int iteration;
    private final int epoch;

    public NetworkSnapshot(String configurationJson, float[] params, float[] updaterState, int iteration, int epoch) {
        if (configurationJson == null || configurationJson.isEmpty()) {
            throw new IllegalArgumentException("a network snapshot needs its configuration JSON");
        }
        if (params == null || updaterState == null) {
            throw new IllegalArgumentException("a network snapshot needs params and updater state arrays (may be empty)");
        }
        this.configurationJson = configurationJson;
        this.params = params;
        this.updaterState = updaterState;
        this.iteration = iteration;
        this.epoch = epoch;
    }

    /** Copies the current state of {@code model} (a MultiLayerNetwork or ComputationGraph) out of ND4J's buffers. */
    public static NetworkSnapshot of(Model model) {
        Network net = Network.of(model);
        return new NetworkSnapshot(net.configurationJson(), paramsOf(net), updaterStateOf(net), net.iteration(),
                net.epoch());
    }

    /** This snapshot with other params and optimizer state, as after an averaging round. */
    public NetworkSnapshot withState(float[] newParams, float[] newUpdaterState, int newIteration, int newEpoch) {
        return new NetworkSnapshot(configurationJson, newParams, newUpdaterState, newIteration, newEpoch);
    }

    /** This snapshot without the optimizer state: what scoring needs, at a third of Adam's size. */
    public NetworkSnapshot withoutUpdaterState() {
        return new NetworkSnapshot(configurationJson, params, new float[0], iteration, epoch);
    }

    /** Whether the network is a ComputationGraph (e.g. residual) rather than a layer stack. */
    public boolean isGraph() {
        return Network.isGraphJson(configurationJson);
    }

    /** A new network in exactly this state. */
    public Network restore() {
        Network net = Network.fromJson(configurationJson);
        applyTo(net);
        return net;
    }

    /** A new layer-stack network in exactly this state; fails for a graph. */
    public MultiLayerNetwork toNetwork() {
        return restore().asMultiLayer();
    }

    /**
     * A new network with these params, for scoring only: the optimizer state is neither needed nor allocated
     * (for Adam it is twice the size of the params).
     */
    public Network restoreForInference() {
        Network net = Network.fromJson(configurationJson);
        assignParams(net);
        return net;
    }

    /**
     * Overwrites the params, optimizer state and counters of {@code net}, a network built from the same
     * configuration. Used by workers that keep one network per thread across rounds.
     */
    public void applyTo(Network net) {
        assignParams(net);
        INDArray state = net.updaterState();
        long stateLength = state == null ? 0 : state.length();
        if (stateLength != updaterState.length) {
            throw new IllegalStateException("snapshot has " + updaterState.length + " optimizer-state values but the "
                    + "network's updater has " + stateLength + "; the snapshot belongs to another configuration");
        }
        if (state != null && updaterState.length > 0) {
            NativeFloats.copyInto(updaterState, state);
        }
        net.setCounters(iteration, epoch);
    }

    /** {@link #applyTo(Network)} for a layer stack. */
    public void applyTo(MultiLayerNetwork net) {
        applyTo(Network.of(net));
    }

    private void assignParams(Network net) {
        INDArray target = net.params();
        if (target.length() != params.length) {
            throw new IllegalStateException("snapshot has " + params.length + " params but the network has "
                    + target.length() + "; the snapshot belongs to another configuration");
        }
        NativeFloats.copyInto(params, target);
    }

    public String configurationJson() {
        return configurationJson;
    }

    public float[] params() {
        return params;
    }

    public float[] updaterState() {
        return updaterState;
    }

    public int iteration() {
        return iteration;
    }

    public int epoch() {
        return epoch;
    }

    /** The params of {@code net}, flattened, as float. */
    public static float[] paramsOf(Network net) {
        return NativeFloats.copyOf(net.params());
    }

    public static float[] paramsOf(MultiLayerNetwork net) {
        return paramsOf(Network.of(net));
    }

    /** The optimizer state of {@code net}, flattened; empty for stateless optimizers such as plain SGD. */
    public static float[] updaterStateOf(Network net) {
        INDArray state = net.updaterState();
        return state == null ? new float[0] : NativeFloats.copyOf(state);
    }

    public static float[] updaterStateOf(MultiLayerNetwork net) {
        return updaterStateOf(Network.of(net));
    }
}
