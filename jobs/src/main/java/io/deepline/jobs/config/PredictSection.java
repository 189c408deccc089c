package io.deepline.jobs.config;

/**
 * {@code predict:} batch scoring of any input with a saved model.
 *
 * @param model  the saved PipelineModel (a {@code train} job's {@code output.model}), any Hadoop path; required
 * @param input  the rows to score; required
 * @param output where the input columns plus the model's outputs go; required
 */
public record PredictSection(String model, PredictInput input, PredictOutput output) {

    public PredictSection {
        model = Checks.requiredText("model", model, "model: target/models/digits-mlp");
        Checks.required("input", input, "input: {path: data-samples/digits8x8.csv.gz, options: {header: \"true\"}}");
        Checks.required("output", output, "output: {path: target/predictions/digits}");
    }
}
