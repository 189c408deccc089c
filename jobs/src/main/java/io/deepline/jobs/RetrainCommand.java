package io.deepline.jobs;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.retrain.RetrainJob;
import io.deepline.jobs.retrain.RetrainOutcome;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deepline retrain <job.yaml>}: one champion/challenger round against the job's model registry. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = {"Trains a challenger on the current data into a new version of the job's model registry"
                + " (registry.path/registry.name/versions/<n>), scores it and the current champion on the same fresh"
                + " holdout split, and makes it the champion if it beats the champion by at least"
                + " registry.minImprovement on registry.metric (the first run always promotes). Writes"
                + " decision.json; keeps the newest registry.keep versions and the champion.",
                "Meant for a scheduler (cron, Airflow, a Kubernetes CronJob: see conf/schedule/). A second retrain"
                        + " of the same registry name while one runs exits with code 3."})
final class RetrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job.yaml>",
            description = "The YAML job file, with a registry section; any Hadoop path.")
    String jobFile;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        JobConfigLoader loader = new JobConfigLoader();
        String text = loader.readText(jobFile, new Configuration());
        JobConfig config = loader.parse(text);
        RetrainOutcome outcome;
        try (EpochProgressBar progress = main.trainingProgress()) {
            outcome = new RetrainJob(config, text, ModelTypes.standard()).withListener(progress).run();
        }
        spec.commandLine().getOut().print(outcome.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
