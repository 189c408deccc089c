package io.deepline.jobs.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.PreprocessSection;
import io.deepline.jobs.config.SplitSection;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.core.persist.Provenance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.SparkSession;

/**
 * The run panel of a report page: what was trained on what, how and with which versions, in the order a reader
 * asks (model, params, data, split, timing, versions). Versions, workers and seed come from the model's
 * provenance when it has one (network models do); the git commit from the {@code GIT_COMMIT} or
 * {@code GITHUB_SHA} variable that CI systems set, when present, since a built jar does not know its commit.
 */
public final class RunFacts {

    private RunFacts() {
    }

    /**
     * @param started when the fit began
     * @param tuning  the chosen candidate's summary ({@code tune}), or empty
     */
    public static Map<String, String> of(JobConfig config, TrainOutcome outcome, Transformer fittedModel,
                                         SparkSession spark, Instant started, Map<String, Object> tuning) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("model", config.model().type());
        facts.put("params", params(config.model().params()));
        if (!tuning.isEmpty()) {
            facts.put("tuned", tuning.get("candidates") + " candidates, " + tuning.get("folds") + "-fold "
                    + tuning.get("metric") + "; chosen " + tuning.get("bestParams"));
        }
        facts.put("data", config.data().path() + " (" + config.data().format().toString().toLowerCase(Locale.ROOT)
                + ")");
        facts.put("rows", outcome.trainRows() + " training, " + outcome.testRows() + " test"
                + (outcome.droppedNullRows() > 0 ? ", " + outcome.droppedNullRows() + " dropped for nulls" : ""));
        facts.put("split", split(config.split()));
        facts.put("preprocess", preprocess(config.preprocess()));
        facts.put("started", started.truncatedTo(ChronoUnit.SECONDS).toString());
        facts.put("duration", String.format(Locale.ROOT, "%.1f s fit, %d epochs", outcome.trainSeconds(),
                outcome.epochs()));
        Provenance provenance = fittedModel instanceof HasFittedNetwork network ? provenanceOf(network) : null;
        if (provenance != null) {
            facts.put("workers", provenance.numWorkers() + " (model seed " + provenance.seed() + ")");
            facts.put("versions", "Deepline " + provenance.deeplineVersion() + ", Spark " + provenance.sparkVersion()
                    + ", DL4J " + provenance.dl4jVersion() + ", Java " + provenance.javaVersion());
        } else {
            facts.put("versions", "Spark " + spark.version() + ", Java " + System.getProperty("java.version"));
        }
        String commit = System.getenv("GIT_COMMIT") != null ? System.getenv("GIT_COMMIT") : System.getenv("GITHUB_SHA");
        if (commit != null && !commit.isBlank()) {
            facts.put("git commit", commit.trim());
        }
        facts.put("master", spark.sparkContext().master());
        return facts;
    }

    private static Provenance provenanceOf(HasFittedNetwork network) {
        try {
            return network.provenance();
        } catch (IllegalStateException e) {
            return null; // an unfitted model has none; the panel shows what it knows
        }
    }

    static String params(Map<String, JsonNode> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + (v.isTextual() ? v.asText() : v.toString())));
        return parts.isEmpty() ? "(defaults)" : String.join(", ", parts);
    }

    private static String split(SplitSection split) {
        String rule = split.holdoutColumn() != null ? ", rows by column " + split.holdoutColumn() : "";
        return String.format(Locale.ROOT, "train %s / test %s, seed %d%s", split.train(), split.test(), split.seed(),
                rule);
    }

    private static String preprocess(PreprocessSection p) {
        List<String> steps = new ArrayList<>();
        if (Boolean.TRUE.equals(p.standardize())) {
            steps.add("standardize");
        }
        if (p.divideBy() != null) {
            steps.add("divideBy " + p.divideBy());
        }
        if (p.text() != null) {
            steps.add("text");
        }
        return steps.isEmpty() ? "none" : String.join(", ", steps);
    }
}
