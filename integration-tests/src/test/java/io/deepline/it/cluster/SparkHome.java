package io.deepline.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SPARK_HOME assembled from Maven, with no download: {@code jars/} holds links to the Spark runtime jars that
 * this module's build lists in {@code integration-tests/target/spark-runtime-classpath.txt} (the Spark line being
 * built: 3.5.9 with Scala 2.12, or 4.2.0 with Scala 2.13; the Hadoop client and their dependencies, without ND4J),
 * and an empty {@code conf/}. That is all Master,
 * Worker and SparkSubmit need when launched as {@code java -cp <home>/jars/* <class>}; a Worker builds its
 * executors' classpath from {@code $SPARK_HOME/jars}.
 */
public final class SparkHome {

    private static final Pattern SPARK_CORE_JAR = Pattern.compile("spark-core_(\\d+\\.\\d+)-.*\\.jar");

    private final Path root;
    /** Workers resolve the executors' classpath through Spark's launcher, which asks for this in a bare home. */
    private final String scalaVersion;

    private SparkHome(Path root, String scalaVersion) {
        this.root = root;
        this.scalaVersion = scalaVersion;
    }

    /**
     * Links (or copies, where links are refused) every jar of {@code classpathFile} into {@code root/jars} (anew
     * each time).
     */
    public static SparkHome assemble(Path classpathFile, Path root) throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("no Spark classpath file at " + classpathFile
                    + "; the integration-tests build writes it (mvn -B -pl integration-tests -am verify)");
        }
        List<Path> jars = Arrays.stream(Files.readString(classpathFile).trim().split(":"))
                .filter(s -> s.endsWith(".jar")).map(Path::of).toList();
        String scalaVersion = jars.stream().map(j -> SPARK_CORE_JAR.matcher(j.getFileName().toString()))
                .filter(Matcher::matches).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException(classpathFile + " lists no spark-core_<scala> jar; it"
                        + " should be the integration-tests module's Spark runtime classpath (mvn verify -pl"
                        + " integration-tests -am rewrites it)"));
        Path jarsDir = root.resolve("jars");
        deleteRecursively(jarsDir); // links of an earlier build may name jars this one no longer uses
        Files.createDirectories(jarsDir);
        Files.createDirectories(root.resolve("conf"));
        for (Path jar : jars) {
            Path link = jarsDir.resolve(jar.getFileName());
            try {
                Files.createSymbolicLink(link, jar);
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.copy(jar, link);
            }
        }
        return new SparkHome(root, scalaVersion);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public Path root() {
        return root;
    }

    /** The classpath of a Spark daemon or of SparkSubmit: every jar in {@code jars/}. */
    String classpath() {
        return root.resolve("jars") + "/*";
    }

    /** What every Spark child process needs in its environment: this home, Scala's version, loopback only. */
    java.util.Map<String, String> environment() {
        return java.util.Map.of(
                "SPARK_HOME", root.toString(),
                "SPARK_SCALA_VERSION", scalaVersion,
                "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_HOSTNAME", "127.0.0.1",
                "SPARK_CONF_DIR", root.resolve("conf").toString(),
                "JAVA_HOME", System.getProperty("java.home"));
    }
}
