package io.deepline.jobs;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.train.EvaluateJob;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepline evaluate <job.yaml>}: measures a saved model on the job's data and writes metrics and a report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Loads the model a train job saved (output.model, or --model) and evaluates it on the job's"
                + " held-out split (the same rows train tested on, given the same data and split seed), or on every"
                + " row with --all-rows; writes metrics.json and report/ under --output.",
                "Relative paths are resolved against the current directory."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job.yaml>",
            description = "The YAML job file the model was trained with; any Hadoop path.")
    String jobFile;

    @Option(names = "--model", paramLabel = "<path>",
            description = "The saved PipelineModel to evaluate (default: the job's output.model), e.g. a registry"
                    + " version's model/ directory.")
    String model;

    @Option(names = "--output", paramLabel = "<dir>",
            description = "Where metrics.json and report/ go (default: <model>/evaluation).")
    String output;

    @Option(names = "--all-rows", description = "Evaluate on every row of data.path instead of the test split.")
    boolean allRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JobConfig config = new JobConfigLoader().load(jobFile, new Configuration());
        EvaluateJob.Outcome outcome = new EvaluateJob(config, ModelTypes.standard(), model, output, allRows).run();
        spec.commandLine().getOut().print(outcome.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
