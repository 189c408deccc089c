package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.persist.StageMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.util.MLWritable;

/**
 * The member stages of a saved ensemble, one directory each, {@code dir/0 ... dir/J-1}, written by each stage's
 * own writer and read back by the class named in its metadata (as Spark's Pipeline persists its stages).
 */
final class MemberStages {
    private MemberStages() {
    }

    /** Fails before anything is written if a stage cannot be saved. */
    static void requireWritable(List<? extends PipelineStage> stages, String role) {
        for (int j = 0; j < stages.size(); j++) {
            if (!(stages.get(j) instanceof MLWritable)) {
                throw new IllegalStateException(role + " " + j + " (" + EnsembleKind.describe(stages.get(j))
                        + ") is not MLWritable, so the ensemble cannot be saved; use members whose class implements"
                        + " org.apache.spark.ml.util.MLWritable");
            }
        }
    }

    static void save(List<? extends PipelineStage> stages, String dir) {
        for (int j = 0; j < stages.size(); j++) {
            try {
                ((MLWritable) stages.get(j)).write().save(dir + "/" + j);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save " + EnsembleKind.describe(stages.get(j)) + " to " + dir
                        + "/" + j + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Loads {@code count} stages of type {@code type}.
     *
     * @throws IllegalStateException naming the path of a missing, corrupt or unexpected stage
     */
    static <T> List<T> load(String dir, int count, Class<T> type, SparkContext sc) {
        List<T> stages = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            String path = dir + "/" + j;
            Object stage = StageMetadata.loadStage(path, sc);
            if (!type.isInstance(stage)) {
                throw new IllegalStateException("the stage saved at " + path + " is " + EnsembleKind.describe(stage)
                        + ", not a " + type.getName() + "; the ensemble directory is corrupt, save it again");
            }
            stages.add(type.cast(stage));
        }
        return stages;
    }
}
