package io.deepline.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a Spark event log (one JSON event per line, {@code spark.eventLog.dir}) says about executors and tasks: where
 * tasks ran, which failed and why, which executors came and went, and the resources each executor was given.
 */
public final class EventLog {

    private final List<JsonNode> events;

    private EventLog(List<JsonNode> events) {
        this.events = events;
    }

    /** Every event of every log file in {@code dir} (one application's). */
    public static EventLog read(Path dir) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        if (logs.isEmpty()) {
            throw new IllegalStateException("no event log in " + dir + "; was spark.eventLog.enabled set?");
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (Path log : logs) {
            for (String line : Files.readAllLines(log)) {
                if (!line.isBlank()) {
                    events.add(json.readTree(line));
                }
            }
        }
        return new EventLog(events);
    }

    /** The application's id ({@code app-<time>-<n>}), which names its directory in each worker's work dir. */
    public String applicationId() {
        return events("SparkListenerApplicationStart").map(e -> e.path("App ID").asText()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the event log has no SparkListenerApplicationStart"));
    }

    /**
     * Successful tasks per executor id ({@code SparkListenerTaskEnd}'s {@code "Task Info"."Executor ID"}); the
     * driver's id, "driver", appears only in local mode.
     */
    public Map<String, Integer> succeededTasksPerExecutor() {
        Map<String, Integer> counts = new TreeMap<>();
        taskEnds().filter(EventLog::succeeded)
                .forEach(e -> counts.merge(e.path("Task Info").path("Executor ID").asText(), 1, Integer::sum));
        return counts;
    }

    /** Failed task attempts per failure reason ({@code "Task End Reason"."Reason"}, e.g. ExecutorLostFailure). */
    public Map<String, Integer> failedTasksPerReason() {
        Map<String, Integer> counts = new TreeMap<>();
        taskEnds().filter(e -> !succeeded(e))
                .forEach(e -> counts.merge(e.path("Task End Reason").path("Reason").asText(), 1, Integer::sum));
        return counts;
    }

    /**
     * What each FetchFailed task could not fetch: {@code executor <id>} when Spark names the executor whose shuffle
     * files it tried to read, else the first line of the failure message (e.g. MetadataFetchFailedException's
     * "Missing an output location for shuffle 4 partition 0" once the executor's outputs were unregistered).
     */
    public List<String> fetchFailures() {
        return taskEnds().map(e -> e.path("Task End Reason"))
                .filter(reason -> reason.path("Reason").asText().equals("FetchFailed"))
                .map(reason -> reason.has("Block Manager Address")
                        && !reason.path("Block Manager Address").path("Executor ID").isMissingNode()
                        ? "executor " + reason.path("Block Manager Address").path("Executor ID").asText()
                        : reason.path("Message").asText().lines().findFirst().orElse(""))
                .toList();
    }

    /** The executor that ran each successful task, by task id (TID). */
    public Map<Long, String> executorOfSucceededTask() {
        Map<Long, String> executors = new TreeMap<>();
        taskEnds().filter(EventLog::succeeded).forEach(e -> executors.put(
                e.path("Task Info").path("Task ID").asLong(), e.path("Task Info").path("Executor ID").asText()));
        return executors;
    }

    /** The ids of executors the application lost, with the reason Spark gave. */
    public Map<String, String> removedExecutors() {
        Map<String, String> removed = new TreeMap<>();
        events("SparkListenerExecutorRemoved").forEach(e -> removed.put(e.path("Executor ID").asText(),
                e.path("Removed Reason").asText()));
        return removed;
    }

    /** The addresses of resource {@code name} (e.g. gpu) each executor was given when it registered. */
    public Map<String, List<String>> resourceAddresses(String name) {
        Map<String, List<String>> addresses = new TreeMap<>();
        events("SparkListenerExecutorAdded").forEach(e -> {
            List<String> values = new ArrayList<>();
            e.path("Executor Info").path("Resources").path(name).path("addresses")
                    .forEach(a -> values.add(a.asText()));
            addresses.put(e.path("Executor ID").asText(), values);
        });
        return addresses;
    }

    /** Spark jobs the application started ({@code SparkListenerJobStart} events). */
    public int jobCount() {
        return (int) events("SparkListenerJobStart").count();
    }

    /**
     * The attempts of barrier stages (a stage whose RDDs include one built by {@code rdd.barrier()}: {@code "RDD
     * Info"[]."Barrier"}), in completion order, each with the executors its successful tasks ran on and whether it
     * failed ({@code "Failure Reason"} set).
     */
    public List<StageAttempt> barrierStageAttempts() {
        Map<String, java.util.Set<String>> executors = new TreeMap<>();
        taskEnds().filter(EventLog::succeeded).forEach(e -> executors.computeIfAbsent(
                e.path("Stage ID").asText() + "." + e.path("Stage Attempt ID").asText(),
                k -> new java.util.TreeSet<>()).add(e.path("Task Info").path("Executor ID").asText()));
        List<StageAttempt> attempts = new ArrayList<>();
        events("SparkListenerStageCompleted").map(e -> e.path("Stage Info")).filter(EventLog::isBarrier)
                .forEach(info -> {
                    String key = info.path("Stage ID").asText() + "." + info.path("Stage Attempt ID").asText();
                    attempts.add(new StageAttempt(info.path("Stage ID").asInt(), info.path("Stage Attempt ID").asInt(),
                            info.path("Number of Tasks").asInt(), executors.getOrDefault(key, java.util.Set.of()),
                            info.has("Failure Reason") ? info.path("Failure Reason").asText() : null));
                });
        return attempts;
    }

    /**
     * One completed attempt of a stage.
     *
     * @param failureReason Spark's reason when the attempt failed, else null
     */
    public record StageAttempt(int stageId, int attempt, int tasks, java.util.Set<String> executors,
                               String failureReason) {

        public boolean succeeded() {
            return failureReason == null;
        }
    }

    /** Task-end reasons of failed tasks with their exception class, e.g. "ExceptionFailure: java.io.IOException". */
    public List<String> failedTaskDetails() {
        return taskEnds().filter(e -> !succeeded(e)).map(e -> e.path("Task End Reason"))
                .map(r -> r.path("Reason").asText() + (r.has("Class Name") ? ": " + r.path("Class Name").asText()
                        : "") + (r.has("Description") ? ": " + r.path("Description").asText()
                        : r.has("Kill Reason") ? ": " + r.path("Kill Reason").asText() : ""))
                .toList();
    }

    private static boolean isBarrier(JsonNode stageInfo) {
        for (JsonNode rdd : stageInfo.path("RDD Info")) {
            if (rdd.path("Barrier").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private Stream<JsonNode> taskEnds() {
        return events("SparkListenerTaskEnd");
    }

    private Stream<JsonNode> events(String type) {
        return events.stream().filter(e -> type.equals(e.path("Event").asText()));
    }

    private static boolean succeeded(JsonNode taskEnd) {
        return "Success".equals(taskEnd.path("Task End Reason").path("Reason").asText());
    }
}
