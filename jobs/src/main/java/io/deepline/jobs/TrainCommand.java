package io.deepline.jobs;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.train.TrainJob;
import io.deepline.jobs.train.TrainOutcome;
import io.deepline.jobs.tune.SelectionCurveFitting;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deepline train <job.yaml>}: fits the job's pipeline, saves the model and writes its metrics. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fits the pipeline a job file describes, evaluates it on a held-out split, and saves the "
                + "model and its metrics.",
                "Relative paths (the job file, data.path, output.*) are resolved against the current directory."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job.yaml>",
            description = "The YAML job file; any Hadoop path (e.g. hdfs:///jobs/digits.yaml).")
    String jobFile;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        // A plain Hadoop Configuration suffices to read the job file: Spark is not started until it is valid.
        JobConfig config = new JobConfigLoader().load(jobFile, new Configuration());
        TrainOutcome outcome;
        try (EpochProgressBar progress = main.trainingProgress()) {
            outcome = new TrainJob(config, ModelTypes.standard(), SelectionCurveFitting.forJob(config))
                    .withListener(progress).run();
        }
        spec.commandLine().getOut().print(outcome.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
