package io.deepline.jobs.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/** Registries on a JUnit temporary directory, through Hadoop's local FileSystem, and complete versions in them. */
final class RegistryFixtures {

    private RegistryFixtures() {
    }

    static ModelRegistry open(Path dir, String name) {
        return ModelRegistry.open(dir.toUri().toString(), new RegistryName(name), new Configuration());
    }

    /** Stages a version, writes every required file (the model as a directory with one file) and commits it. */
    static int commitVersion(ModelRegistry registry, String metricsJson) {
        StagedVersion staged = registry.newVersion();
        writeAllFiles(staged, metricsJson);
        staged.commit();
        return staged.number();
    }

    static void writeAllFiles(StagedVersion staged, String metricsJson) {
        try {
            FileSystem fs = staged.dir().getFileSystem(new Configuration());
            fs.mkdirs(staged.modelPath());
            fs.create(new org.apache.hadoop.fs.Path(staged.modelPath(), "part-0")).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        staged.writeText(VersionFiles.METRICS, metricsJson);
        staged.writeText(VersionFiles.JOB, "name: test\n");
        staged.writeText(VersionFiles.DECISION, "{}");
    }
}
