package io.deepline.jobs;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.train.TrainJob;
import io.deepline.jobs.train.TrainOutcome;
import io.deepline.jobs.tune.CrossValidatedFitting;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code deepline tune <job.yaml>}: k-fold cross-validation over the job's {@code tune.grid}, then the best
 * candidate refitted on all training rows, tested, saved and reported as {@code train} does.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Cross-validates the grid in the job file's tune section on the training split, refits the "
                + "best candidate on all of it, evaluates that on the held-out split, and saves the model, its metrics"
                + " and the cross-validation report (cv.csv, cv.json).",
                "Relative paths (the job file, data.path, output.*) are resolved against the current directory."})
final class TuneCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job.yaml>",
            description = "The YAML job file, with a tune section; any Hadoop path.")
    String jobFile;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        JobConfig config = new JobConfigLoader().load(jobFile, new Configuration());
        if (config.tune() == null) {
            throw new JobConfigException("tune", "is required by the tune command",
                    "Add e.g. tune: {folds: 5, metric: f1Macro, grid: {learningRate: [0.01, 0.001]}}");
        }
        TrainOutcome outcome;
        try (EpochProgressBar progress = main.trainingProgress()) {
            outcome = new TrainJob(config, ModelTypes.standard(),
                    model -> new CrossValidatedFitting(model, config.tune(), config.split().seed(), progress))
                    .withListener(progress).run();
        }
        spec.commandLine().getOut().print(outcome.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
