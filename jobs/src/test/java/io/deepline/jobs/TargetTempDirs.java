package io.deepline.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Makes {@code @TempDir} directories under {@code java.io.tmpdir}, creating that directory first. The parent POM's
 * test argLine points {@code java.io.tmpdir} at {@code target/tmp}, which nothing creates before Spark starts, so
 * JUnit's default factory fails for tests that run first. Registered for every test in
 * {@code junit-platform.properties}.
 */
public final class TargetTempDirs implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        Path root = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(root, "junit");
    }
}
