package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.deepline.pipelines.testing.DataSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduler examples in conf/schedule/ run the real entry point's {@code retrain} command on a job that ships in
 * conf/examples/, and the Kubernetes one is a well-formed CronJob that forbids overlapping runs.
 */
class ScheduleExamplesTest {

    private static final Path SCHEDULE = DataSamples.dir().resolveSibling("conf/schedule");

    @Test
    void crontabAndAirflowSubmitTheRetrainCommandOfTheShippedJob() throws Exception {
        for (String file : List.of("crontab", "airflow_deepline_retrain.py")) {
            String text = Files.readString(SCHEDULE.resolve(file));
            assertTrue(text.contains(Main.class.getName()), file + " names the main class");
            assertTrue(text.contains("retrain") && text.contains("digits-retrain.yaml"), file);
        }
        assertTrue(Files.exists(DataSamples.dir().resolveSibling("conf/examples/digits-retrain.yaml")));
        String airflow = Files.readString(SCHEDULE.resolve("airflow_deepline_retrain.py"));
        assertTrue(airflow.contains("SparkSubmitOperator(") && airflow.contains("max_active_runs=1"), airflow);
    }

    @Test
    void theKubernetesCronJobRunsSparkSubmitRetrainWithoutOverlap() throws Exception {
        JsonNode cron = new YAMLMapper().readTree(SCHEDULE.resolve("k8s-cronjob.yaml").toFile());

        assertEquals("CronJob", cron.get("kind").asText());
        assertEquals("Forbid", cron.at("/spec/concurrencyPolicy").asText());
        JsonNode container = cron.at("/spec/jobTemplate/spec/template/spec/containers/0");
        assertTrue(container.get("command").get(0).asText().endsWith("spark-submit"));
        List<String> args = new ArrayList<>();
        container.get("args").forEach(a -> args.add(a.asText()));
        assertEquals(Main.class.getName(), args.get(args.indexOf("--class") + 1));
        assertEquals("client", args.get(args.indexOf("--deploy-mode") + 1));
        assertTrue(args.get(args.size() - 2).equals("retrain") && args.get(args.size() - 1).endsWith(".yaml"), args
                .toString());
    }
}
