package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;

/** The trained network state and how training went. */
public record TrainingResult(NetworkSnapshot network, TrainingHistory history) {
}
