package io.deepline.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.JobFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SiblingSwap} on the local Hadoop file system: the previous output survives every failure. */
class SiblingSwapTest {

    private static final Configuration HADOOP = new Configuration();

    @TempDir
    Path dir;
    private Path target;

    @BeforeEach
    void previousOutput() throws IOException {
        target = dir.resolve("model");
        Files.createDirectories(target.resolve("stages"));
        Files.writeString(target.resolve("stages/weights"), "previous");
    }

    private static SiblingSwap.Writer writing(String content) {
        return temporary -> {
            Files.createDirectories(Path.of(temporary, "stages"));
            Files.writeString(Path.of(temporary, "stages/weights"), content);
        };
    }

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousOutputAsItWas() throws IOException {
        SiblingSwap.Writer failsHalfway = temporary -> {
            writing("half of the new").writeTo(temporary);
            throw new IOException("No space left on device");
        };

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SiblingSwap.replace(target.toString(), HADOOP, failsHalfway, () -> { }));

        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("No space left"),
                e.getMessage());
        assertEquals("previous", Files.readString(target.resolve("stages/weights")));
        assertEquals(List.of("model"), JobFiles.names(dir), "the half-written temporary output is removed");
    }

    @Test
    void aRefusalJustBeforeTheSwapKeepsThePreviousOutput() throws IOException {
        IllegalStateException refused = new IllegalStateException("someone else's files appeared");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SiblingSwap.replace(target.toString(), HADOOP, writing("new"), () -> {
                    throw refused;
                }));

        assertEquals(refused, e);
        assertEquals("previous", Files.readString(target.resolve("stages/weights")));
        assertEquals(List.of("model"), JobFiles.names(dir));
    }

    @Test
    void aCompleteWriteReplacesThePreviousOutputAndLeavesNothingElse() throws IOException {
        String written = SiblingSwap.replace(target.toString(), HADOOP, writing("new"), () -> { });

        assertEquals("new", Files.readString(target.resolve("stages/weights")));
        assertEquals(List.of("model"), JobFiles.names(dir), "neither the temporary nor the previous output is left");
        assertTrue(written.startsWith("file:") && written.endsWith(target.toString()), written);
    }

    @Test
    void writesWhereNothingWasBefore() throws IOException {
        Path fresh = dir.resolve("new-folder/model");

        SiblingSwap.replace(fresh.toString(), HADOOP, writing("new"), () -> { });

        assertEquals("new", Files.readString(fresh.resolve("stages/weights")));
        assertEquals(List.of("model"), JobFiles.names(fresh.getParent()));
    }
}
