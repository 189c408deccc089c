package io.deepline.pipelines.sequence;

import io.deepline.models.state.Network;
import io.deepline.pipelines.data.sequence.PaddedSteps;
import io.deepline.pipelines.inference.FittedNetwork;
import java.util.List;

/**
 * Single-sequence predictions on the driver ({@code predict(features)}), from a lazily restored network. DL4J
 * networks are not thread-safe, so calls take turns.
 */
final class DriverSequenceNetwork {
    private final FittedNetwork fitted;
    private Network network;

    DriverSequenceNetwork(FittedNetwork fitted) {
        this.fitted = fitted;
    }

    /** The outputs for one sequence of step-major floats: one per step, or a single one for a per-sequence head. */
    synchronized float[][] outputs(float[] steps) {
        if (network == null) {
            network = fitted.snapshot().restoreForInference();
        }
        PaddedSteps one = PaddedSteps.of(List.of(steps), fitted.numFeatures());
        return SequenceScorer.rowOutputs(network.output(one.featuresArray(), one.maskArray()), 0, one.length());
    }
}
