package io.deepline.pipelines.sequence;

import io.deepline.models.state.Network;
import io.deepline.pipelines.core.data.sequence.PaddedSteps;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.inference.FittedNetwork;
import java.io.Serializable;
import java.util.List;

/**
 * What a fitted sequence classifier, regressor or tagger holds: the network, the kind of sequence column it was
 * trained on, its number of outputs (classes, or 1), and a lazily restored driver-side network for single-sequence
 * predictions. DL4J networks are not thread-safe, so driver calls take turns.
 */
final class TrainedSequence implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FittedNetwork fitted;
    private final SequenceInput input;
    private final int numOutputs;
    private transient Network driver;

    TrainedSequence(FittedNetwork fitted, SequenceInput input, int numOutputs) {
        this.fitted = fitted;
        this.input = input;
        this.numOutputs = numOutputs;
    }

    /** {@code trained}, or an IllegalStateException saying how to get a fitted model. */
    static TrainedSequence require(TrainedSequence trained, String uid, String estimator, String model) {
        if (trained == null) {
            throw new IllegalStateException(uid + " has no trained network; get a model from " + estimator + ".fit or "
                    + model + ".load(path)");
        }
        return trained;
    }

    FittedNetwork fitted() {
        return fitted;
    }

    SequenceInput input() {
        return input;
    }

    int numOutputs() {
        return numOutputs;
    }

    /** A copy that shares no arrays or network with this one. */
    TrainedSequence deepCopy() {
        return new TrainedSequence(fitted.deepCopy(), input, numOutputs);
    }

    /** The outputs for one sequence of step-major floats: one per step, or a single one for a per-sequence head. */
    synchronized float[][] outputs(float[] steps) {
        if (driver == null) {
            driver = fitted.snapshot().restoreForInference();
        }
        PaddedSteps one = PaddedSteps.of(List.of(steps), fitted.numFeatures());
        return SequenceScorer.rowOutputs(driver.output(one.featuresArray(), one.maskArray()), 0, one.length());
    }
}
