package io.deepline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One {@code bin/deepline} command run as its own JVM, as a user runs it (embedded, local[*]), with every line it
 * prints stamped on arrival (seconds since the process was started) and {@link JobStartPrinter} listening.
 *
 * @param lines the stamped output lines (stdout and stderr merged)
 * @param wall  seconds from starting the JVM to its exit
 */
record CliRun(List<Line> lines, double wall) {

    /** One output line and when it arrived. */
    record Line(double at, String text) {
    }

    /**
     * @param build    the build whose jobs jar runs: a repository root with {@code jobs/target/deepline-jobs-all.jar}
     *                 (or, in builds before the jar had a fixed name, {@code deepline-jobs-<version>-all.jar}) and
     *                 {@code jobs/target/spark-classpath.txt}
     * @param root     the working directory (the job file's relative paths resolve against it) and conf/ source
     * @param command  e.g. {@code train}
     * @param jobFile  the YAML job file
     * @param logFile  where the stamped lines are kept, to look into a phase afterwards
     */
    static CliRun run(Path build, Path root, String command, Path jobFile, Path logFile)
            throws IOException, InterruptedException {
        Path jar;
        try (var jars = Files.list(build.resolve("jobs/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("deepline-jobs(-.*)?-all\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no shaded jobs jar in " + build.resolve("jobs/target")
                            + "; build it with 'mvn -q -B -o -pl jobs -am package -DskipTests' there"));
        }
        String sparkClasspath = Files.readString(build.resolve("jobs/target/spark-classpath.txt")).strip();
        String benchClasses = Path.of(JobStartPrinter.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(root.resolve("conf/jvm17.opts"))) {
            String opts = line.replaceAll("#.*", "").strip();
            if (!opts.isEmpty()) {
                cmd.addAll(Arrays.asList(opts.split("\\s+")));
            }
        }
        cmd.addAll(List.of("-Dlog4j2.configurationFile=" + root.resolve("conf/log4j2.properties"), "-Xmx4g",
                "-Dspark.extraListeners=" + JobStartPrinter.class.getName(),
                "-cp", jar + ":" + sparkClasspath + ":" + benchClasses,
                "io.deepline.jobs.Main", command, jobFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String text = out.readLine(); text != null; text = out.readLine()) {
                lines.add(new Line((System.nanoTime() - start) / 1e9, text));
            }
        }
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(logFile.getParent());
        Files.write(logFile, lines.stream().map(l -> String.format(Locale.ROOT, "%8.3f %s", l.at(), l.text()))
                .toList());
        if (exit != 0) {
            List<String> tail = lines.subList(Math.max(0, lines.size() - 20), lines.size()).stream()
                    .map(Line::text).toList();
            throw new IllegalStateException("deepline " + command + " " + jobFile + " (jar of " + build
                    + ") exited with " + exit + ":\n" + String.join("\n", tail));
        }
        return new CliRun(List.copyOf(lines), wall);
    }
}
