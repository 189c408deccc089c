package io.deepline.pipelines.sequence;

import io.deepline.models.spec.OutputHead;
import io.deepline.models.spec.SequenceOutput;
import io.deepline.models.spec.SequencePooling;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.sequence.SequenceInput;

/**
 * A sequence estimator's network before the data is read: given the kind of input column, a validated spec that
 * only waits for the per-step width and the output head the data determine. {@link SequenceFitting} asks for it
 * right after the schema check, so bad network Params fail before any Spark job runs.
 */
@FunctionalInterface
interface NetworkBlueprint {

    /** The validated spec for {@code input}; throws IllegalArgumentException naming the bad Param. */
    InitialNetwork forInput(SequenceInput input);

    /** The recurrent network ({@code SequenceSpec}) a recurrent stage's Params describe. */
    static NetworkBlueprint recurrent(HasSequenceParams<?> stage, SequenceOutput output, SequencePooling pooling) {
        return input -> stage.toSequenceSpec(input, output, pooling)::initialState;
    }

    /** A validated spec (e.g. {@code SequenceSpec} or {@code TransformerSpec}), seen by its initial state. */
    @FunctionalInterface
    interface InitialNetwork {
        NetworkSnapshot initialState(int numFeatures, OutputHead head);
    }
}
