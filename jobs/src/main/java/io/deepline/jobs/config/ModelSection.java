package io.deepline.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code model:} section. Values in {@code params} stay as YAML nodes here: only the model's Spark Params know
 * their types, so they are converted and validated when the estimator is built
 * ({@link io.deepline.jobs.model.ParamBinder}), still before Spark starts.
 *
 * @param type   the model type, e.g. {@code DeepClassifier}; see {@link io.deepline.jobs.model.ModelTypes}
 * @param params Spark Param values by Param name, e.g. {@code learningRate: 0.005}
 */
public record ModelSection(String type, Map<String, JsonNode> params) {

    public ModelSection {
        type = Checks.requiredText("type", type, "type: DeepClassifier");
        // Keep the file's order so that the first bad param in the file is the one reported.
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
