package io.deepline.jobs.config;

/**
 * A {@code deepline predict} job file: a name, optional Spark settings, and the {@code predict:} section.
 *
 * @param name    required; the Spark application name
 * @param spark   optional, as in a train job
 * @param predict required
 */
public record PredictJobConfig(String name, SparkSection spark, PredictSection predict) {

    public PredictJobConfig {
        name = Checks.requiredText("name", name, "name: predict-digits");
        spark = spark == null ? SparkSection.DEFAULT : spark;
        Checks.required("predict", predict, "predict: {model: ..., input: {path: ...}, output: {path: ...}}");
    }
}
