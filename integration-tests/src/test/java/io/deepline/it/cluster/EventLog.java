package io.deepline.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What a Spark event log (one JSON event per line, {@code spark.eventLog.dir}) says about where tasks ran. */
public final class EventLog {

    private EventLog() {
    }

    /**
     * Finished tasks per executor id ({@code SparkListenerTaskEnd}'s {@code "Task Info"."Executor ID"}) over every
     * log file in {@code dir}; the driver's id, "driver", appears only in local mode.
     */
    public static Map<String, Integer> tasksPerExecutor(Path dir) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        if (logs.isEmpty()) {
            throw new IllegalStateException("no event log in " + dir + "; was spark.eventLog.enabled set?");
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> counts = new TreeMap<>();
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (!line.contains("\"SparkListenerTaskEnd\"")) {
                        continue;
                    }
                    JsonNode event = json.readTree(line);
                    counts.merge(event.path("Task Info").path("Executor ID").asText(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
