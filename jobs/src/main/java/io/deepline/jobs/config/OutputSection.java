package io.deepline.jobs.config;

/**
 * The {@code output:} section: where the fitted pipeline and its metrics go. Both are Hadoop paths; relative ones
 * are resolved against the current directory.
 *
 * @param model   directory of the saved Spark {@code PipelineModel}; must not exist, be an empty folder, or (with
 *                {@code mode: overwrite}) hold a Deepline model, which is replaced only once the new one is saved
 * @param metrics path of the metrics JSON; {@code null} means {@code <model>/metrics.json}
 * @param report  directory of the HTML report (index.html, plots, CSV); {@code null} means {@code <model>/report}
 * @param mode    {@code errorifexists} (default: an existing model, metrics file or report stops the job before
 *                any training) or {@code overwrite} (Deepline's own outputs there are replaced; anything else is
 *                still refused)
 */
public record OutputSection(String model, String metrics, String report, String mode) {

    public OutputSection {
        model = Checks.requiredText("model", model, "model: target/models/my-job");
        metrics = Checks.optionalText("metrics", metrics, "metrics: target/models/my-job-metrics.json");
        report = Checks.optionalText("report", report, "report: target/models/my-job-report");
        mode = Checks.outputMode(mode);
    }

    /** Outputs at these paths in the default mode, which replaces nothing. */
    public OutputSection(String model, String metrics, String report) {
        this(model, metrics, report, null);
    }

    /** Whether Deepline's own outputs at these paths may be replaced. */
    public boolean overwrite() {
        return mode.equals("overwrite");
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
