package io.deepline.pipelines.core.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.Arrays;

/**
 * {@code data/history.json}. Format 2 writes an object: {@code {"epochs": [...], "validationMetric": "accuracy",
 * "bestEpoch": 7, "stoppedEarly": true}} (the validation keys only when the fit validated). Format 1 wrote the bare
 * epochs array, which is still read.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static String write(TrainingHistory history) throws JsonProcessingException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("epochs", Json.MAPPER.valueToTree(history.epochs()));
        if (history.hasValidation()) {
            root.put("validationMetric", history.validationMetricName());
            root.put("bestEpoch", history.bestEpoch());
            root.put("stoppedEarly", history.stoppedEarly());
        }
        return Json.MAPPER.writeValueAsString(root);
    }

    static TrainingHistory read(String json) throws JsonProcessingException {
        JsonNode root = Json.MAPPER.readTree(json);
        if (root.isArray()) {
            return new TrainingHistory(Arrays.asList(Json.MAPPER.treeToValue(root, EpochStats[].class)));
        }
        JsonNode epochs = root.get("epochs");
        if (epochs == null || !epochs.isArray()) {
            throw new IllegalStateException("history.json has no \"epochs\" array");
        }
        TrainingHistory history = new TrainingHistory(Arrays.asList(Json.MAPPER.treeToValue(epochs,
                EpochStats[].class)));
        if (!root.hasNonNull("validationMetric")) {
            return history;
        }
        return history.withValidationOutcome(root.get("validationMetric").asText(), root.path("bestEpoch").asInt(),
                root.path("stoppedEarly").asBoolean());
    }
}
