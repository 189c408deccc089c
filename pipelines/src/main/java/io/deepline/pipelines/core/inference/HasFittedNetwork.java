package io.deepline.pipelines.core.inference;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.TrainingHistory;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** What a fitted network model tells about itself; every method fails clearly on a model that was never fitted. */
public interface HasFittedNetwork {

    /** The fitted state; throws IllegalStateException, saying how to get a model, if there is none. */
    FittedNetwork fittedNetwork();

    /** Per-epoch loss, time and throughput of the fit that made this model. */
    default TrainingHistory trainingHistory() {
        return fittedNetwork().history();
    }

    /** Versions, data and timing of the fit that made this model. */
    default Provenance provenance() {
        return fittedNetwork().provenance();
    }

    /** The fitted network state (params, optimizer state, counters). Treat its arrays as read-only. */
    default NetworkSnapshot networkSnapshot() {
        return fittedNetwork().snapshot();
    }

    /** A new DL4J layer-stack network with this model's params; fails for residual (graph) models. */
    default MultiLayerNetwork toNetwork() {
        return fittedNetwork().toNetwork();
    }

    /** A new DL4J network (MultiLayerNetwork or, for residual models, ComputationGraph) with this model's params. */
    default Model toModel() {
        return fittedNetwork().toModel();
    }
}
