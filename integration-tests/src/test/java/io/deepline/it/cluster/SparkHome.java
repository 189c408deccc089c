package io.deepline.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A SPARK_HOME assembled from Maven, with no download: {@code jars/} holds links to the Spark runtime jars that
 * this module's build lists in {@code integration-tests/target/spark-runtime-classpath.txt} (Spark 3.5.9, Scala
 * 2.12, the Hadoop client and their dependencies, without ND4J), and an empty {@code conf/}. That is all Master,
 * Worker and SparkSubmit need when launched as {@code java -cp <home>/jars/* <class>}; a Worker builds its
 * executors' classpath from {@code $SPARK_HOME/jars}.
 */
public final class SparkHome {

    /** Workers resolve the executors' classpath through Spark's launcher, which asks for this in a bare home. */
    static final String SCALA_VERSION = "2.12";

    private final Path root;

    private SparkHome(Path root) {
        this.root = root;
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
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("spark-core_" + SCALA_VERSION))) {
            throw new IllegalStateException(classpathFile + " lists no spark-core_" + SCALA_VERSION
                    + " jar; it should be the jobs module's provided classpath (mvn verify -pl jobs rewrites it)");
        }
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
        return new SparkHome(root);
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
                "SPARK_SCALA_VERSION", SCALA_VERSION,
                "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_HOSTNAME", "127.0.0.1",
                "SPARK_CONF_DIR", root.resolve("conf").toString(),
                "JAVA_HOME", System.getProperty("java.home"));
    }
}
