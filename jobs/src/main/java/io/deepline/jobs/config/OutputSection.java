package io.deepline.jobs.config;

/**
 * The {@code output:} section: where the fitted pipeline and its metrics go. Both are Hadoop paths; relative ones
 * are resolved against the current directory.
 *
 * @param model   directory of the saved Spark {@code PipelineModel}; replaced if it exists
 * @param metrics path of the metrics JSON; {@code null} means {@code <model>/metrics.json}
 */
public record OutputSection(String model, String metrics) {

    public OutputSection {
        model = Checks.requiredText("model", model, "model: target/models/my-job");
        metrics = Checks.optionalText("metrics", metrics, "metrics: target/models/my-job-metrics.json");
    }

    /** Where the metrics JSON goes: {@code metrics} if set, else {@code metrics.json} inside the model directory. */
    public String metricsPath() {
        if (metrics != null) {
            return metrics;
        }
        return (model.endsWith("/") ? model : model + "/") + "metrics.json";
    }
}
