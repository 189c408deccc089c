package io.deepline.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One executor's log ({@code <worker work dir>/<app-id>/<executor-id>/stderr}, where a standalone worker sends the
 * executor's output), read for the tasks it runs and the GPUs Deepline bound them to. Executors log at Spark's
 * default INFO level: the Executor's "Running task"/"Finished task" lines and Deepline's per-task binding line.
 */
public final class ExecutorLog {

    private static final Pattern ARGUMENT = Pattern.compile("--(app-id|executor-id) (\\S+)");
    private static final Pattern RUNNING = Pattern.compile("Running task \\S+ in stage \\S+ \\(TID (\\d+)\\)");
    private static final Pattern ENDED = Pattern.compile("(?:Finished|Killed) task \\S+ in stage \\S+ \\(TID (\\d+)\\)");
    /** {@code GpuBinding}'s line: "task 12 (stage 3, partition 1) was assigned GPU 1, but ..." or "... bound to GPU 1". */
    private static final Pattern BINDING = Pattern.compile(
            "task (\\d+) \\(stage \\d+, partition \\d+\\) (?:was assigned|bound to) GPU (\\d+)");

    private final String executorId;
    private final Path stderr;

    private ExecutorLog(String executorId, Path stderr) {
        this.executorId = executorId;
        this.stderr = stderr;
    }

    /** The log of application {@code appId}'s executor {@code executorId} on the worker with {@code workerDir}. */
    public static ExecutorLog of(Path workerDir, String appId, String executorId) {
        return new ExecutorLog(executorId, workerDir.resolve(appId).resolve(executorId).resolve("stderr"));
    }

    /** The log of a running executor process, found from the app and executor ids on its command line. */
    public static ExecutorLog of(Path workerDir, ProcessHandle executor) {
        String commandLine = executor.info().commandLine()
                .orElseThrow(() -> new IllegalStateException("cannot read the command line of process " + executor.pid()));
        Map<String, String> ids = new TreeMap<>();
        Matcher m = ARGUMENT.matcher(commandLine);
        while (m.find()) {
            ids.put(m.group(1), m.group(2));
        }
        if (ids.size() != 2) {
            throw new IllegalStateException("process " + executor.pid() + " is not a Spark executor: " + commandLine);
        }
        return of(workerDir, ids.get("app-id"), ids.get("executor-id"));
    }

    public String executorId() {
        return executorId;
    }

    /** True if the executor has started a task that it has not yet finished. */
    public boolean hasRunningTask() {
        Set<String> running = new HashSet<>();
        for (String line : lines()) {
            Matcher started = RUNNING.matcher(line);
            if (started.find()) {
                running.add(started.group(1));
            }
            Matcher ended = ENDED.matcher(line);
            if (ended.find()) {
                running.remove(ended.group(1));
            }
        }
        return !running.isEmpty();
    }

    /** The GPU address each task was bound to, by task id (TID). */
    public Map<Long, String> gpuBindings() {
        Map<Long, String> bindings = new TreeMap<>();
        for (String line : lines()) {
            Matcher m = BINDING.matcher(line);
            if (m.find()) {
                bindings.put(Long.parseLong(m.group(1)), m.group(2));
            }
        }
        return bindings;
    }

    private java.util.List<String> lines() {
        try {
            return Files.exists(stderr) ? Files.readAllLines(stderr) : java.util.List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the executor log " + stderr, e);
        }
    }
}
