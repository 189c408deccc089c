package io.deepline.jobs.config;

/**
 * A whole job file. Read one with {@link JobConfigLoader}; every record validates itself on construction, so a
 * {@code JobConfig} that exists is a valid one (apart from facts only the data can tell, such as whether a column
 * exists).
 *
 * @param name       the job's name, used for the Spark application name and in the metrics
 * @param spark      optional Spark settings
 * @param data       the input data
 * @param split      optional train/test split; 0.8/0.2 with seed 42 when absent
 * @param preprocess optional feature preprocessing; none when absent
 * @param model      the model type and its params
 * @param output     where the fitted model, the metrics and the report go
 * @param tune       optional cross-validation grid, read by the {@code tune} command; null when absent
 * @param registry   optional model registry, read by the {@code retrain} command; null when absent, else with its
 *                   {@code name} defaulted to the job's name
 */
public record JobConfig(String name, SparkSection spark, DataSection data, SplitSection split,
                        PreprocessSection preprocess, ModelSection model, OutputSection output, TuneSection tune,
                        RegistrySection registry) {

    public JobConfig {
        name = Checks.requiredText("name", name, "name: digits-mlp");
        spark = spark == null ? SparkSection.DEFAULT : spark;
        Checks.required("data", data, "data: {path: data-samples/iris.csv, label: label}");
        split = split == null ? SplitSection.DEFAULT : split;
        preprocess = preprocess == null ? PreprocessSection.DEFAULT : preprocess;
        Checks.required("model", model, "model: {type: DeepClassifier}");
        Checks.required("output", output, "output: {model: target/models/" + name + "}");
        requirePreprocessingFits(data.inputKind(), preprocess);
        requireHoldoutApart(data, split.holdoutColumn());
        if (registry != null) {
            try {
                registry = registry.namedAfter(name);
            } catch (JobConfigException e) {
                throw e.under("registry");
            }
        }
        if (preprocess.divides() && !data.categorical().isEmpty()) {
            // The divisor is meant for raw scales such as pixels; dividing the 0/1 one-hot entries would be a mistake.
            throw new JobConfigException("preprocess.divideBy", "divides every feature, the one-hot encoded"
                    + " data.categorical columns too", "Remove preprocess.divideBy and use preprocess.standardize, or"
                    + " scale the numeric columns before the job");
        }
    }

    /** The holdout column says which rows test the model; as an input it would tell the model which rows count. */
    private static void requireHoldoutApart(DataSection data, String holdout) {
        if (holdout == null) {
            return;
        }
        String usedBy = holdout.equals(data.label()) ? "data.label"
                : data.features().contains(holdout) ? "data.features"
                : data.categorical().contains(holdout) ? "data.categorical"
                : holdout.equals(data.text()) ? "data.text"
                : holdout.equals(data.sequence()) ? "data.sequence" : null;
        if (usedBy != null) {
            throw new JobConfigException("split.holdoutColumn", "names column '" + holdout + "', which " + usedBy
                    + " also uses", "Name a separate boolean column that is true for the held-out rows");
        }
    }

    /** Standardisation and divideBy scale feature columns and text settings tokenise text; neither applies to other inputs. */
    private static void requirePreprocessingFits(InputKind input, PreprocessSection preprocess) {
        if (preprocess.standardize() && input != InputKind.FEATURES) {
            throw new JobConfigException("preprocess.standardize", "scales feature columns, but the job reads "
                    + input.key(), "Remove preprocess.standardize");
        }
        if (preprocess.divides() && input != InputKind.FEATURES) {
            throw new JobConfigException("preprocess.divideBy", "scales feature columns, but the job reads "
                    + input.key(), "Remove preprocess.divideBy");
        }
        if (preprocess.hasText() && input != InputKind.TEXT) {
            throw new JobConfigException("preprocess.text", "tokenises data.text, but the job does not set data.text",
                    "Name the text column with data.text, or remove preprocess.text");
        }
    }
}
