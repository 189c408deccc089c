package io.deepline.jobs;

import io.deepline.jobs.config.JobConfigLoader;
import io.deepline.jobs.config.PredictJobConfig;
import io.deepline.jobs.predict.BatchPrediction;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepline predict <job.yaml>}: scores any input with a saved model and writes the result atomically. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Scores the rows of predict.input with the saved model predict.model and writes them, with"
                + " the model's output columns added, to predict.output (temporary path, then rename).",
                "Relative paths are resolved against the current directory."})
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job.yaml>",
            description = "The YAML predict job file; any Hadoop path.")
    String jobFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PredictJobConfig config = new JobConfigLoader().loadPredict(jobFile, new Configuration());
        BatchPrediction.Outcome outcome = new BatchPrediction(config).run();
        spec.commandLine().getOut().print(outcome.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
