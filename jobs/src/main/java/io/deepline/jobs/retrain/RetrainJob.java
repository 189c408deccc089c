package io.deepline.jobs.retrain;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.config.OutputSection;
import io.deepline.jobs.config.RegistrySection;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.jobs.model.ConfiguredModel;
import io.deepline.jobs.model.ModelFactory;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.registry.Decision;
import io.deepline.jobs.registry.ModelRegistry;
import io.deepline.jobs.registry.PromotionRule;
import io.deepline.jobs.registry.RegistryPage;
import io.deepline.jobs.registry.RetrainLock;
import io.deepline.jobs.registry.StagedVersion;
import io.deepline.jobs.registry.VersionFiles;
import io.deepline.jobs.train.JobSession;
import io.deepline.jobs.train.ModelEvaluation;
import io.deepline.jobs.train.PipelineFitting;
import io.deepline.jobs.train.SavedPipeline;
import io.deepline.jobs.train.SplitData;
import io.deepline.jobs.train.TrainJob;
import io.deepline.jobs.train.TrainOutcome;
import io.deepline.pipelines.core.train.TrainingListener;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code retrain} job, the champion/challenger loop a scheduler runs:
 * <ol>
 *   <li>take the registry name's lock (a second retrain of the name exits instead of racing this one);</li>
 *   <li>read the current data and split it; train a challenger on the training rows into a new, still invisible
 *       registry version;</li>
 *   <li>score the challenger and the current champion on the <em>same</em> holdout rows, which neither trained on:
 *       a row's split depends on the row alone (or on {@code split.holdoutColumn}), not on the day's data, so the
 *       rows the champion trained on are training rows today too (see {@code HoldoutRows});</li>
 *   <li>write the version's metrics, job and {@code decision.json}, then {@code _SUCCESS}; then, if the challenger
 *       won by at least {@code registry.minImprovement}, move the champion pointer (atomically);</li>
 *   <li>prune old versions ({@code registry.keep}, never the champion).</li>
 * </ol>
 * A crash at any step leaves the champion as it was and no visible half version; the next run removes the debris.
 */
public final class RetrainJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainJob.class);

    private final JobConfig config;
    private final String jobText;
    private final ModelTypes types;
    private final Consumer<RetrainStep> afterStep;
    private final TrainingListener listener;

    /**
     * @param jobText the job file's text, kept with the version as {@code job.yaml}
     */
    public RetrainJob(JobConfig config, String jobText, ModelTypes types) {
        this(config, jobText, types, step -> { });
    }

    /** @param afterStep called after each {@link RetrainStep}; tests throw from it to simulate a crash there */
    RetrainJob(JobConfig config, String jobText, ModelTypes types, Consumer<RetrainStep> afterStep) {
        this(config, jobText, types, afterStep, TrainingListener.NONE);
    }

    private RetrainJob(JobConfig config, String jobText, ModelTypes types, Consumer<RetrainStep> afterStep,
                       TrainingListener listener) {
        this.config = config;
        this.jobText = jobText;
        this.types = types;
        this.afterStep = afterStep;
        this.listener = listener;
    }

    /** This job with {@code listener} following the challenger's fit. */
    public RetrainJob withListener(TrainingListener listener) {
        return new RetrainJob(config, jobText, types, afterStep, listener);
    }

    public RetrainOutcome run() {
        RegistrySection section = config.registry();
        if (section == null) {
            throw new JobConfigException("registry", "is required by the retrain command",
                    "Add e.g. registry: {path: target/registry, keep: 5}");
        }
        ConfiguredModel model = TrainJob.configure(config, types);
        PromotionRule rule = new PromotionRule(metricOf(section, model.factory()), section.minImprovement());
        try (JobSession session = JobSession.open("deepline retrain " + config.name(), config.spark())) {
            SparkSession spark = session.spark();
            Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
            ModelRegistry registry = ModelRegistry.open(section.path(), section.registryName(), hadoopConf);
            try (RetrainLock lock = RetrainLock.acquire(registry, section.lockExpiry())) {
                return retrain(spark, model, registry, lock, rule, section.keep());
            }
        }
    }

    private RetrainOutcome retrain(SparkSession spark, ConfiguredModel model, ModelRegistry registry,
                                   RetrainLock lock, PromotionRule rule, int keep) {
        registry.removeIncomplete();
        OptionalInt champion = registry.champion();
        try (SplitData data = SplitData.prepare(spark, config, model)) {
            StagedVersion version = registry.newVersion();
            LOG.info("Retraining {} as version {} of registry {}", config.model().type(), version.number(),
                    registry.root());
            OutputSection output = new OutputSection(version.modelPath().toString(),
                    version.metricsPath().toString(), new Path(version.dir(), "report").toString());
            TrainOutcome challenger = new TrainJob(config, types).withListener(listener)
                    .fitAndSave(spark, model, PipelineFitting.SINGLE_FIT, data, output);
            afterStep.accept(RetrainStep.CHALLENGER_SAVED);

            double challengerScore = score(challenger.metrics(), rule.metric(), model.factory());
            Integer championVersion = champion.isPresent() ? champion.getAsInt() : null;
            Double championScore = null;
            if (championVersion != null) {
                warnIfSplitChanged(registry, championVersion);
                PipelineModel championModel = SavedPipeline.loadRegistered(
                        registry.modelPath(championVersion).toString(),
                        "the champion, version " + championVersion + " of " + registry.root());
                championScore = score(ModelEvaluation.evaluate(model.factory(), data.plan(), championModel,
                        data.test()), rule.metric(), model.factory());
            }
            Decision decision = rule.decide(version.number(), challengerScore, championVersion, championScore);
            LOG.info("Decision: {}", decision.reason());
            version.writeText(VersionFiles.JOB, jobText);
            version.writeText(VersionFiles.DECISION, decision.toJson());
            afterStep.accept(RetrainStep.DECISION_WRITTEN);

            version.commit();
            afterStep.accept(RetrainStep.VERSION_COMMITTED);
            if (decision.promoted()) {
                // Only the lock's holder may move the pointer: a run that outlived its lock's expiry stops here.
                lock.requireHeld();
                registry.promote(version.number());
                LOG.info("Version {} is the champion of {}", version.number(), registry.root());
            }
            List<Integer> pruned = registry.prune(keep);
            writePage(registry);
            return new RetrainOutcome(challenger, decision, version.dir().toString(), pruned);
        }
    }

    /**
     * Rewrites the registry's page; a failure is logged, not thrown: the version and the champion are already
     * committed, and a scheduler retrying the whole retrain for a page would train yet another version.
     */
    private static void writePage(ModelRegistry registry) {
        try {
            new RegistryPage(registry).write();
            LOG.info("Wrote the registry page {}/{}", registry.root(), RegistryPage.FILE_NAME);
        } catch (RuntimeException e) {
            LOG.warn("Could not write the registry page under {}: {}. The registry is complete; the next retrain"
                    + " writes the page again", registry.root(), e.getMessage());
        }
    }

    /**
     * Warns when the champion's rows were split by another rule than this run's (see {@link SplitChanges}); the
     * comparison still runs, since the job was changed on purpose, but its holdout may hold the champion's
     * training rows.
     */
    private void warnIfSplitChanged(ModelRegistry registry, int champion) {
        JobConfig championJob;
        try {
            championJob = new JobConfigLoader().parse(registry.readText(champion, VersionFiles.JOB));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the champion's job file (version {}), so cannot check that its rows were split as"
                    + " this run's are: {}", champion, e.getMessage());
            return;
        }
        List<String> changes = SplitChanges.between(championJob, config);
        if (!changes.isEmpty()) {
            LOG.warn("The champion (version {}) was trained with another split rule ({}): some of the rows it"
                    + " trained on may be in this run's holdout, which favours it. Keep these keys unchanged across"
                    + " retrains, or set split.holdoutColumn", champion, String.join("; ", changes));
        }
    }

    /** registry.metric, or the model kind's headline metric: f1Macro for classifiers, rmse for regressors. */
    static String metricOf(RegistrySection section, ModelFactory factory) {
        if (section.metric() != null) {
            return section.metric();
        }
        if (factory.classifies()) {
            return "f1Macro";
        }
        if (factory.supervised()) {
            return "rmse";
        }
        throw new JobConfigException("registry.metric", "has no default for " + factory.type() + ", which is not a"
                + " classifier or a regressor", "Name one of its metrics, e.g. metric: meanReconstructionError");
    }

    /** The metric's value in a model's test metrics. */
    private static double score(TestMetrics metrics, String metric, ModelFactory factory) {
        Object value = metrics.toJson().get(metric);
        if (!(value instanceof Number number)) {
            List<String> numeric = metrics.toJson().entrySet().stream().filter(e -> e.getValue() instanceof Number)
                    .map(java.util.Map.Entry::getKey).toList();
            throw new JobConfigException("registry.metric", "'" + metric + "' is not a metric of "
                    + factory.type(), "Use one of " + numeric);
        }
        return number.doubleValue();
    }
}
