package io.deepline.pipelines.core.inference;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.VectorFloats;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every network-backed Spark model holds once fitted: the network state, its input width, the training
 * history and provenance, and a driver-side network for single-row predictions.
 */
public final class FittedNetwork implements Serializable {
    private static final long serialVersionUID = 1L;

    private final NetworkSnapshot network;
    private final int numFeatures;
    private final TrainingHistory history;
    private final Provenance provenance;
    private transient Network driverNetwork;

    public FittedNetwork(NetworkSnapshot network, int numFeatures, TrainingHistory history, Provenance provenance) {
        this.network = network;
        this.numFeatures = numFeatures;
        this.history = history;
        this.provenance = provenance;
    }

    /** The fitted network state (params, optimizer state, counters). Treat its arrays as read-only. */
    public NetworkSnapshot snapshot() {
        return network;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public TrainingHistory history() {
        return history;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** A new DL4J layer-stack network with these params; fails for residual (graph) models. */
    public MultiLayerNetwork toNetwork() {
        return network.toNetwork();
    }

    /** A new DL4J network (MultiLayerNetwork, or ComputationGraph for residual models) with these params. */
    public Model toModel() {
        return network.restore().model();
    }

    /** The params, without optimizer state, broadcast for {@link BatchScorer}s. */
    public Broadcast<NetworkSnapshot> broadcastForScoring(SparkContext sc) {
        return JavaSparkContext.fromSparkContext(sc).broadcast(network.withoutUpdaterState());
    }

    /**
     * The network's output for one row, on the driver. DL4J networks are not thread-safe, so single-row calls
     * take turns on one lazily built network.
     */
    public synchronized float[] output(Vector features) {
        if (features.size() != numFeatures) {
            throw new IllegalArgumentException("the features vector has size " + features.size()
                    + " but the model was trained on " + numFeatures + " features");
        }
        if (driverNetwork == null) {
            driverNetwork = network.restoreForInference();
        }
        return driverNetwork.output(Nd4j.create(VectorFloats.of(features), new long[] {1, numFeatures}, 'c'))
                .toFloatVector();
    }

    /** A copy that shares no arrays or network with this one (grid points must never share weights). */
    public FittedNetwork deepCopy() {
        NetworkSnapshot copied = new NetworkSnapshot(network.configurationJson(), network.params().clone(),
                network.updaterState().clone(), network.iteration(), network.epoch());
        return new FittedNetwork(copied, numFeatures, history, provenance);
    }
}
