package io.deepline.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model:} section. Values in {@code params} stay as YAML nodes here: only the model's Spark Params know
 * their types, so they are converted and validated when the estimator is built
 * ({@link io.deepline.jobs.model.ParamBinder}), still before Spark starts.
 *
 * <p>{@code type: Ensemble} combines {@code members}, each a model section of its own (course §3.3):
 * <pre>
 * model:
 *   type: Ensemble
 *   kind: soft                 # classifiers: hard (majority vote) or soft (mean probability); regressors: mean
 *   members:
 *     - {type: DeepClassifier, params: {hiddenLayers: [16], seed: 1}}
 *     - {type: DeepClassifier, params: {hiddenLayers: [32], seed: 2}}
 * </pre>
 * Whether a kind fits the members (mean for regressors) is checked with the model types, see
 * {@code io.deepline.jobs.model.EnsembleFactory}.
 *
 * @param type    the model type, e.g. {@code DeepClassifier}; see {@link io.deepline.jobs.model.ModelTypes}
 * @param params  Spark Param values by Param name, e.g. {@code learningRate: 0.005}
 * @param members the member models of an {@code Ensemble}; empty for every other type
 * @param kind    how an {@code Ensemble} combines its members: {@code mean}, {@code hard} or {@code soft}; null when
 *                absent (soft for classifiers, mean for regressors)
 */
public record ModelSection(String type, Map<String, JsonNode> params, List<ModelSection> members, String kind) {

    /** The model type that combines member models. */
    public static final String ENSEMBLE = "Ensemble";

    public ModelSection {
        type = Checks.requiredText("type", type, "type: DeepClassifier");
        // Keep the file's order so that the first bad param in the file is the one reported.
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        kind = Checks.choice("kind", kind, null, "mean", "hard", "soft");
        if (!type.equals(ENSEMBLE)) {
            if (members != null) {
                throw new JobConfigException("members", "lists member models, but type is " + type,
                        "Use type: Ensemble to combine members, or remove members");
            }
            if (kind != null) {
                throw new JobConfigException("kind", "says how an ensemble combines its members, but type is " + type,
                        "Use type: Ensemble, or remove kind");
            }
            members = List.of();
        } else {
            members = requireMembers(members);
        }
    }

    /** A section of a single model type. */
    public ModelSection(String type, Map<String, JsonNode> params) {
        this(type, params, null, null);
    }

    /** Whether this section is an ensemble of member models. */
    public boolean isEnsemble() {
        return type.equals(ENSEMBLE);
    }

    private static List<ModelSection> requireMembers(List<ModelSection> members) {
        String example = "members: [{type: DeepClassifier, params: {seed: 1}}, {type: DeepClassifier,"
                + " params: {seed: 2}}]";
        Checks.required("members", members, example);
        if (members.isEmpty()) {
            throw new JobConfigException("members", "is an empty list", "List at least one member model, e.g. "
                    + example);
        }
        for (int i = 0; i < members.size(); i++) {
            String key = "members[" + i + "]";
            Checks.required(key, members.get(i), "- {type: DeepClassifier}");
            if (members.get(i).isEnsemble()) {
                throw new JobConfigException(JobConfigException.join(key, "type"), "is Ensemble inside an ensemble",
                        "List the inner ensemble's members in the outer one instead");
            }
        }
        return List.copyOf(members);
    }
}
