package io.deepline.jobs.train;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.OutputSection;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.jobs.model.ConfiguredModel;
import io.deepline.jobs.model.ModelFactory;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.output.OutputKind;
import io.deepline.jobs.output.OwnedOutputs;
import io.deepline.jobs.output.SiblingSwap;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.tools.report.ReportFolder;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.HasTrainingListener;
import io.deepline.pipelines.core.train.TrainingHistory;
import io.deepline.pipelines.core.train.TrainingListener;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code train} job: read the data, split it, fit the pipeline on the training rows, evaluate it on the test
 * rows, save the fitted {@code PipelineModel} and write the metrics.
 *
 * <p>Everything that can be checked without data (the model type and its params) is checked before Spark starts;
 * then the path and the columns are checked before any training, so configuration mistakes fail fast.
 */
public final class TrainJob {

    private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

    private final JobConfig config;
    private final ModelTypes types;
    private final Function<ConfiguredModel, PipelineFitting> fitting;
    private final TrainingListener listener;

    /**
     * The {@code train} job: one fit.
     *
     * @throws IllegalArgumentException if the job file has a {@code select} section, whose fitting the caller
     *                                  passes (the train command does, see {@code SelectionCurveFitting})
     */
    public TrainJob(JobConfig config, ModelTypes types) {
        this(config, types, model -> PipelineFitting.SINGLE_FIT);
        if (config.select() != null) {
            throw new IllegalArgumentException("job '" + config.name() + "' has a select section, which a single fit"
                    + " would ignore; construct the TrainJob with the selection-curve fitting"
                    + " (SelectionCurveFitting.forJob) as the train command does");
        }
    }

    /**
     * @param fitting how the configured model's pipeline is fitted (built once the model is configured, before
     *                Spark starts, so that its own checks fail fast)
     */
    public TrainJob(JobConfig config, ModelTypes types,
                    Function<ConfiguredModel, PipelineFitting> fitting) {
        this(config, types, fitting, TrainingListener.NONE);
    }

    private TrainJob(JobConfig config, ModelTypes types, Function<ConfiguredModel, PipelineFitting> fitting,
                     TrainingListener listener) {
        this.config = config;
        this.types = types;
        this.fitting = fitting;
        this.listener = listener;
    }

    /** This job with {@code listener} following its network's fits (the console's progress bar, for one). */
    public TrainJob withListener(TrainingListener listener) {
        return new TrainJob(config, types, fitting, listener);
    }

    /**
     * Runs the job.
     *
     * @throws JobConfigException for a problem in the job file, including one only the data reveals (a missing path
     *                            or column)
     */
    public TrainOutcome run() {
        ConfiguredModel model = configure(config, types);
        PipelineFitting fit = fitting.apply(model);
        try (JobSession session = JobSession.open("deepline train " + config.name(), config.spark())) {
            return train(session.spark(), model, fit);
        }
    }

    private TrainOutcome train(SparkSession spark, ConfiguredModel model, PipelineFitting fit) {
        requireWritable(config.output(), spark.sparkContext().hadoopConfiguration());
        try (SplitData data = SplitData.prepare(spark, config, model)) {
            return fitAndSave(spark, model, fit, data, config.output());
        }
    }

    /**
     * Fits the pipeline on the training rows, evaluates it on the test rows, saves it to {@code output.model()} and
     * writes the metrics and the report where {@code output} says. {@code retrain} calls this with a registry
     * version's paths.
     */
    public TrainOutcome fitAndSave(SparkSession spark, ConfiguredModel model, PipelineFitting fit, SplitData data,
                            OutputSection output) {
        LOG.info("Training {} on {} rows, testing on {} rows", config.model().type(), data.trainRows(),
                data.testRows());
        if (model.estimator() instanceof HasTrainingListener followed) {
            followed.setTrainingListener(listener);
        }
        long start = System.nanoTime();
        Instant started = Instant.now();
        PipelineModel fitted;
        try {
            fitted = fit.fit(TextStages.fitVocabulary(data.plan(), data.train(), data.input()), data);
        } catch (RuntimeException e) {
            throw JobColumns.explain(e, data.plan(), data.input());
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;

        LOG.info("Trained in {} s", String.format(Locale.ROOT, "%.1f", trainSeconds));
        Transformer fittedModel = ModelEvaluation.lastStage(fitted);
        TestMetrics metrics = ModelEvaluation.evaluate(model.factory(), data.plan(), fitted, data.test());
        LOG.info("Test metrics {}", metrics.toJson());
        save(fitted, output, spark.sparkContext().hadoopConfiguration());
        LOG.info("Saved the model to {}", output.model());
        List<EpochStats> history = model.factory().trainingHistory(fittedModel).map(TrainingHistory::epochs)
                .orElse(List.of());
        TrainOutcome outcome = new TrainOutcome(config.name(), config.model().type(), metrics, data.trainRows(),
                data.testRows(), trainSeconds, model.factory().epochsTrained(fittedModel), history,
                model.factory().facts(fittedModel), output.model(), output.metricsPath(), fit.summary())
                .withDroppedNullRows(data.droppedNullRows());
        // After the model: the swap replaces the whole model directory, where the metrics and report usually live.
        MetricsReport.write(outcome, spark.sparkContext().hadoopConfiguration());
        ReportFolder folder = new ReportFolder(config.name(), MetricsReport.toJson(outcome))
                .withHistory(model.factory().trainingHistory(fittedModel).orElse(null))
                .withFacts(RunFacts.of(config, outcome, fittedModel, spark, started, fit.summary()));
        ScoredPlots.add(folder, model.factory(), data.plan(), fitted, data.test(), data.testRows(),
                config.split().seed());
        writeReport(folder, outcome, fitted, fit, model.factory(), output.reportPath(),
                spark.sparkContext().hadoopConfiguration());
        return outcome;
    }

    /**
     * The job's model type with its params bound, checked against the data section as far as that is possible
     * without data; every command calls this before Spark starts.
     */
    public static ConfiguredModel configure(JobConfig config, ModelTypes types) {
        ConfiguredModel model = types.configure(config.model(), "model");
        requireLabelIfSupervised(model.factory(), config.data().label());
        requireModelReadsInput(model.factory(), config.data().inputKind());
        requireWeightsFit(model.factory(), config.data().classWeights());
        return model;
    }

    /** Class weights weigh the classes of a classifier; a regressor or an unsupervised model has none. */
    static void requireWeightsFit(ModelFactory factory, String classWeights) {
        if (classWeights != null && !factory.classifies()) {
            throw new JobConfigException("data.classWeights", "weighs the label's classes, but " + factory.type()
                    + (factory.supervised() ? " is a regressor, whose label has no classes" : " learns without a label"),
                    "Remove data.classWeights; to weigh rows, name a column of row weights with data.weight");
        }
    }

    /** data.label may be left out only for unsupervised model types; checked before Spark starts. */
    static void requireLabelIfSupervised(ModelFactory factory, String label) {
        if (label == null && factory.supervised()) {
            throw new JobConfigException("data.label", "is required but missing: " + factory.type() + " learns from a"
                    + " label", "Add it, e.g. label: label (only unsupervised model types such as AutoEncoder train"
                    + " without one)");
        }
    }

    /** Sequence models read data.text or data.sequence, the others feature columns; checked before Spark starts. */
    static void requireModelReadsInput(ModelFactory factory, InputKind input) {
        if (factory.readsSequences() && !input.isSequence()) {
            throw new JobConfigException("model.type", factory.type() + " reads one sequence per row, but the job"
                    + " gives it feature columns", "Name the input with data.text (a string column) or"
                    + " data.sequence (an array column)");
        }
        if (input == InputKind.TEXT && factory.readsSequences() && !factory.readsText()) {
            throw new JobConfigException("data.text", factory.type() + " reads token ids from data.sequence, not text",
                    "Index the text into an array<int> column first (e.g. with TokenIndexer) and name it in"
                    + " data.sequence, with the vocabulary sizes in model.params");
        }
        if (!factory.readsSequences() && input.isSequence()) {
            throw new JobConfigException("model.type", factory.type() + " reads feature columns, but the job gives it "
                    + input.key(), "Use a sequence model type (SequenceClassifier, TransformerClassifier or"
                    + " SequenceRegressor), or data.features");
        }
    }

    /** A tagger takes an array of labels per row (one per step); every other model one label per row. */
    static void requireLabelFits(ModelFactory factory, StructType schema, String label) {
        DataType type = schema.apply(label).dataType();
        boolean perStep = InputSchema.isNumericArray(type);
        if (factory.generatesSequences()) {
            if (!perStep) {
                throw new JobConfigException("data.label", factory.type() + " learns to generate the label sequence,"
                        + " but column '" + label + "' is " + type.simpleString(), "Give an array<int> (token ids)"
                        + " or array<double> (values) label column");
            }
            return;
        }
        if (factory.labelsPerStep() && !perStep) {
            throw new JobConfigException("data.label", factory.type() + " takes one class per step, but column '"
                    + label + "' is " + type.simpleString(), "Give an array<double> label column as long as each"
                    + " sequence, or use SequenceClassifier for one class per row");
        }
        if (!factory.labelsPerStep() && perStep) {
            throw new JobConfigException("data.label", "column '" + label + "' holds one label per step ("
                    + type.simpleString() + "), but " + factory.type() + " takes one label per row",
                    "Use SequenceTagger for a class per step, or a label column of one number per row");
        }
    }

    /** The report folder: metrics page, learning curve, confusion heat map, and the fitting's own files. */
    private void writeReport(ReportFolder folder, TrainOutcome outcome, PipelineModel fitted, PipelineFitting fit,
                             ModelFactory factory, String reportPath, Configuration hadoopConf) {
        outcome.metrics().classificationReport().ifPresent(r -> folder.withConfusion(r, ModelEvaluation.classNames(fitted)));
        factory.addToReport(folder, ModelEvaluation.lastStage(fitted), config.split().seed());
        List<String> written = fit.addToReport(folder).write(new HadoopFiles(hadoopConf), reportPath);
        LOG.info("Wrote the report ({}) to {}", String.join(", ", written), reportPath);
    }

    /**
     * Refuses an output path that holds anything but Deepline's own output of its kind, and that too unless
     * {@code output.mode} is {@code overwrite}: checked before any training, and again just before the new model
     * is swapped in, in case something appeared there meanwhile.
     */
    private static void requireWritable(OutputSection output, Configuration hadoopConf) {
        OwnedOutputs outputs = new OwnedOutputs(hadoopConf);
        String fix = "Set output.mode: overwrite to replace it (the previous one is kept until the new one is"
                + " complete), or choose another path";
        outputs.require("output.model", output.model(), OutputKind.MODEL, output.overwrite(), fix);
        outputs.require("output.metrics", output.metricsPath(), OutputKind.METRICS, output.overwrite(), fix);
        outputs.require("output.report", output.reportPath(), OutputKind.REPORT, output.overwrite(), fix);
    }

    /** Saves to a sibling and swaps it in, so a failed save leaves the previous model as it was. */
    private static void save(PipelineModel model, OutputSection output, Configuration hadoopConf) {
        SiblingSwap.replace(output.model(), hadoopConf, temporary -> model.write().save(temporary),
                () -> requireWritable(output, hadoopConf));
    }
}
