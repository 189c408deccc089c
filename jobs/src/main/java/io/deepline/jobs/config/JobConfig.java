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
 * @param select     optional model-selection curve over one param, run by the {@code train} command; null when
 *                   absent. Excludes {@code tune} (both choose params) and needs {@code split.validation}
 * @param registry   optional model registry, read by the {@code retrain} command; null when absent, else with its
 *                   {@code name} defaulted to the job's name
 */
public record JobConfig(String name, SparkSection spark, DataSection data, SplitSection split,
                        PreprocessSection preprocess, ModelSection model, OutputSection output, TuneSection tune,
                        SelectSection select, RegistrySection registry) {

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
        requireSelectionFits(split, preprocess, tune, select, registry);
        if (registry != null && split.stratified()) {
            throw new JobConfigException("split.stratified", "needs the exact split, but a job file with a registry"
                    + " section splits row by row, so that a row keeps its split as the data grows between retrains",
                    "Remove split.stratified (or the registry section)");
        }
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

    /** A job file without a {@code select} section. */
    public JobConfig(String name, SparkSection spark, DataSection data, SplitSection split,
                     PreprocessSection preprocess, ModelSection model, OutputSection output, TuneSection tune,
                     RegistrySection registry) {
        this(name, spark, data, split, preprocess, model, output, tune, null, registry);
    }

    /**
     * A selection curve is measured on the validation rows, which nothing else reads; it chooses a param, as tune
     * does, and two choosers of one model would contradict each other.
     */
    private static void requireSelectionFits(SplitSection split, PreprocessSection preprocess, TuneSection tune,
                                             SelectSection select, RegistrySection registry) {
        if (select == null) {
            if (split.validates()) {
                throw new JobConfigException("split.validation", "sets aside validation rows, which only a select"
                        + " section reads", "Add select: {param: ..., values: [...]}, or remove split.validation"
                        + " (and give its share to train)");
            }
            return;
        }
        if (tune != null) {
            throw new JobConfigException("select", "and tune both choose model params (select by one validation"
                    + " split, tune by k-fold cross-validation over a grid)", "Keep one of them: tune for a grid"
                    + " of several params, select for the curve of one");
        }
        if (registry != null) {
            throw new JobConfigException("select", "needs validation rows of an exact split, but a job file with a"
                    + " registry section splits row by row for retrain", "Run the selection in a job file without"
                    + " a registry, then put the chosen value in model.params");
        }
        if (!split.validates()) {
            throw new JobConfigException("split.validation", "is required by select, which measures its curve on"
                    + " the validation rows", "Add it, e.g. split: {train: 0.6, validation: 0.2, test: 0.2}");
        }
        if (select.sweepsDegree() && !preprocess.expands()) {
            throw new JobConfigException("select.param", "sweeps the degree of preprocess.polynomial, which is not"
                    + " set", "Add preprocess: {polynomial: {degree: 1}} (select sets the degree)");
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
        if (preprocess.expands() && input != InputKind.FEATURES) {
            throw new JobConfigException("preprocess.polynomial", "expands feature columns, but the job reads "
                    + input.key(), "Remove preprocess.polynomial");
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
