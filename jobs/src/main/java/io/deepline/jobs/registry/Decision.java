package io.deepline.jobs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deepline.pipelines.core.io.Json;

/**
 * Whether a retrain's challenger replaced the champion, and why; written as {@code decision.json} in the
 * challenger's version directory. NaN scores are written as the JSON string {@code "NaN"}.
 *
 * @param promoted          whether the challenger became the champion
 * @param metric            the metric compared
 * @param challengerVersion the new version
 * @param championVersion   the champion it was compared with; null on the first run
 * @param challengerScore   the challenger's value of {@code metric}
 * @param championScore     the champion's value; null on the first run
 * @param minImprovement    the improvement required to promote
 * @param reason            one sentence a person can read
 */
public record Decision(boolean promoted, String metric, int challengerVersion, Integer championVersion,
                       double challengerScore, Double championScore, double minImprovement, String reason) {

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the decision as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a {@code decision.json}. */
    public static Decision fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, Decision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a decision.json: " + e.getOriginalMessage()
                    + ". It should hold the keys promoted, metric, challengerVersion, championVersion,"
                    + " challengerScore, championScore, minImprovement and reason", e);
        }
    }
}
