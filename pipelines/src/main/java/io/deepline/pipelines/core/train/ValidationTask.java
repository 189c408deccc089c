package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import java.io.Serializable;

/** What the driver broadcasts to measure one epoch's state on the validation rows. */
record ValidationTask(String runId, NetworkSnapshot state, ValidationMetric metric) implements Serializable {
}
