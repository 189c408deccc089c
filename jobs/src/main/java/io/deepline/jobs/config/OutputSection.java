package io.deepline.jobs.config;

/**
 * The {@code output:} section: where the fitted pipeline and its metrics go. Both are Hadoop paths; relative ones
 * are resolved against the current directory.
 *
 * @param model   directory of the saved Spark {@code PipelineModel}; replaced if it exists
 * @param metrics path of the metrics JSON; {@code null} means {@code <model>/metrics.json}
 * @param report  directory of the HTML report (index.html, plots, CSV); {@code null} means {@code <model>/report}
 */
public record OutputSection(String model, String metrics, String report) {

    public OutputSection {
        model = Checks.requiredText("model", model, "model: target/models/my-job");
        metrics = Checks.optionalText("metrics", metrics, "metrics: target/models/my-job-metrics.json");
        report = Checks.optionalText("report", report, "report: target/models/my-job-report");
    }

    /** Where the report folder goes: {@code report} if set, else {@code report/} inside the model directory. */
    public String reportPath() {
        return report != null ? report : (model.endsWith("/") ? model : model + "/") + "report";
    }

    /** Where the metrics JSON goes: {@code metrics} if set, else {@code metrics.json} inside the model directory. */
    public String metricsPath() {
        if (metrics != null) {
            return metrics;
        }
        return (model.endsWith("/") ? model : model + "/") + "metrics.json";
    }
}
