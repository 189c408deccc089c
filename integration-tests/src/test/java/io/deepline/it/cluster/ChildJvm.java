package io.deepline.it.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM whose stdout and stderr go to one log file. A JVM shutdown hook destroys it (and whatever it
 * started, e.g. a worker's executors) if the test JVM exits first, so no process outlives the test run.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;
    /** The descendants seen when it was stopped: once the parent is gone, they can no longer be found through it. */
    private volatile List<ProcessHandle> stoppedDescendants = List.of();

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(() -> destroyTree(Duration.ofSeconds(10)), "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} in {@code dir}; its output goes to {@code log} (a file, never a pipe nobody reads). */
    static ChildJvm start(String name, List<String> command, Map<String, String> env, Path dir, Path log)
            throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ChildJvm(name, builder.start(), log);
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive() || process.descendants().anyMatch(ProcessHandle::isAlive)
                || stoppedDescendants.stream().anyMatch(ProcessHandle::isAlive);
    }

    /** Waits for the process to exit by itself; false on timeout (it is then still running). */
    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last {@code lines} lines of the log, headed by the process name, for assertion messages. */
    String tail(int lines) {
        return "--- " + name + " (" + log + ") ---\n" + tailOf(log, lines);
    }

    static String tailOf(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")\n";
        }
    }

    /**
     * Kills the process at once with SIGKILL (no shutdown hooks run, as when a node dies or the OOM killer strikes)
     * and waits for it to be gone.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Destroys the process and its descendants and waits for them; idempotent. */
    @Override
    public void close() {
        destroyTree(Duration.ofSeconds(20));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    private void destroyTree(Duration timeout) {
        // Children first, snapshotted before the parent dies (after that they are re-parented and lost to us).
        List<ProcessHandle> tree = process.descendants().toList();
        stoppedDescendants = tree;
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : concat(tree, process.toHandle())) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }

    private static List<ProcessHandle> concat(List<ProcessHandle> children, ProcessHandle parent) {
        return java.util.stream.Stream.concat(children.stream(), java.util.stream.Stream.of(parent)).toList();
    }
}
