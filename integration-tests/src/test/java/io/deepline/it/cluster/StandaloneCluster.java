package io.deepline.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1: one Master and {@code workers} Workers, each a child JVM with Spark's
 * JDK 17 flags, 1 core and {@code workerMemory} for executors. It is ready when the master's JSON endpoint
 * ({@code http://127.0.0.1:<webui>/json/}) lists that many ALIVE workers.
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private final SparkHome home;
    private final Path workDir;
    private final List<String> jvmOptions;
    private final int masterPort;
    private final int masterWebUiPort;
    private final List<ChildJvm> processes = new ArrayList<>();

    private StandaloneCluster(SparkHome home, Path workDir, List<String> jvmOptions) throws IOException {
        this.home = home;
        this.workDir = workDir;
        this.jvmOptions = jvmOptions;
        this.masterPort = freePort();
        this.masterWebUiPort = freePort();
    }

    /** Starts the master and the workers and waits until all workers are registered and ALIVE. */
    public static StandaloneCluster start(SparkHome home, Path workDir, List<String> jvmOptions, int workers,
            String workerMemory, FakeGpus gpus) throws Exception {
        StandaloneCluster cluster = new StandaloneCluster(home, workDir, jvmOptions);
        try {
            cluster.launch("master", List.of(), "org.apache.spark.deploy.master.Master", List.of(
                    "--host", "127.0.0.1", "--port", String.valueOf(cluster.masterPort),
                    "--webui-port", String.valueOf(cluster.masterWebUiPort)));
            for (int i = 1; i <= workers; i++) {
                Path dir = Files.createDirectories(cluster.workerDir(i));
                cluster.launch("worker-" + i, gpus.workerOptions(i, dir), "org.apache.spark.deploy.worker.Worker",
                        List.of(
                        "--host", "127.0.0.1", "--port", String.valueOf(freePort()),
                        "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", workerMemory,
                        "--work-dir", dir.toString(), cluster.masterUrl()));
            }
            cluster.awaitAliveWorkers(workers);
            return cluster;
        } catch (Exception | AssertionError e) {
            String logs = cluster.logTails(40);
            cluster.close();
            throw new IllegalStateException("the standalone cluster did not start: " + e + "\n" + logs, e);
        }
    }

    /** {@code spark://127.0.0.1:<port>}, for {@code --master}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    SparkHome home() {
        return home;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The master's view of the cluster ({@code /json/}): workers, cores, applications. */
    public JsonNode masterState() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + masterWebUiPort + "/json/")).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    /**
     * The tail of every daemon's log and of every executor's stderr under the workers' work dirs, so that a failed
     * scenario can be diagnosed from the CI output alone.
     */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        processes.forEach(p -> out.append(p.tail(lines)));
        try (Stream<Path> files = Files.walk(workDir)) {
            files.filter(f -> f.getFileName().toString().equals("stderr")).sorted()
                    .forEach(f -> out.append("--- executor ").append(workDir.relativize(f)).append(" ---\n")
                            .append(ChildJvm.tailOf(f, lines)));
        } catch (IOException e) {
            out.append("(cannot list ").append(workDir).append(": ").append(e).append(")\n");
        }
        return out.toString();
    }

    /** Worker {@code worker}'s (from 1) work directory: {@code <app-id>/<executor-id>/stderr} per executor. */
    public Path workerDir(int worker) {
        return workDir.resolve("worker-" + worker);
    }

    /**
     * The executor JVMs worker {@code worker} (from 1) runs now: its child processes whose command line names
     * Spark's executor backend (a worker starts each executor as its own child JVM).
     */
    public List<ProcessHandle> executorsOf(int worker) {
        return processes.get(worker).process().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
    }

    /** True while the master, a worker or anything they started (executors) is still running. */
    public boolean anyProcessAlive() {
        return processes.stream().anyMatch(ChildJvm::isAlive);
    }

    /** Stops workers (and their executors) first, then the master, and waits for every process to exit. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    private void launch(String name, List<String> extraOptions, String mainClass, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(extraOptions);
        command.addAll(List.of("-Xmx256m", "-cp", home.classpath(), mainClass));
        command.addAll(args);
        processes.add(ChildJvm.start(name, command, home.environment(), workDir,
                workDir.resolve("logs").resolve(name + ".log")));
    }

    private void awaitAliveWorkers(int expected) throws Exception {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            for (ChildJvm p : processes) {
                if (!p.process().isAlive()) {
                    throw new IllegalStateException(p.name() + " exited with " + p.process().exitValue());
                }
            }
            try {
                JsonNode state = masterState();
                long alive = 0;
                for (JsonNode worker : state.path("workers")) {
                    alive += "ALIVE".equals(worker.path("state").asText()) ? 1 : 0;
                }
                if (alive >= expected) {
                    return;
                }
                last = alive + " ALIVE workers";
            } catch (IOException notUpYet) {
                last = notUpYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("fewer than " + expected + " ALIVE workers after " + STARTUP_TIMEOUT
                + " (" + last + ")");
    }

    /**
     * A port free on loopback now. Spark daemons take explicit ports, and the master's must be known to the
     * workers before they start; the race with another process taking it in between is accepted.
     */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
