package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.param.HasTrainingParams;
import org.apache.hadoop.fs.Path;

/**
 * Whether and where a fit checkpoints, from the stage's {@code checkpointDir}, {@code checkpointInterval} and
 * {@code checkpointMode} Params.
 *
 * @param dir          a Hadoop directory; empty when checkpointing is off
 * @param interval     epochs between checkpoints, &ge; 1 (the last epoch is always written)
 * @param mode         what to do with a checkpoint of other params
 * @param paramsDigest {@link ParamsDigest} of the stage, part of every checkpoint's fingerprint
 */
public record CheckpointSettings(String dir, int interval, CheckpointMode mode, String paramsDigest) {
    /** No checkpoints: the trainer runs exactly as without this feature. */
    public static final CheckpointSettings OFF = new CheckpointSettings("", 1, CheckpointMode.RESUME, "");

    public CheckpointSettings {
        if (dir == null || mode == null || paramsDigest == null) {
            throw new IllegalArgumentException("checkpoint settings need a dir (empty = off), a mode and a digest");
        }
        if (interval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be >= 1, got " + interval
                    + "; set it to the number of epochs between two checkpoints");
        }
        if (!dir.isEmpty()) {
            try {
                new Path(dir);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checkpointDir '" + dir + "' is not a valid Hadoop path ("
                        + e.getMessage() + "); give a directory such as /tmp/ckpt or hdfs:///user/me/ckpt", e);
            }
        }
    }

    /**
     * The settings {@code stage}'s Params describe.
     *
     * @param numWorkers the resolved number of workers (part of the digest: it changes the trained result even
     *                   when the Param is unset)
     */
    public static CheckpointSettings of(HasTrainingParams<?> stage, int numWorkers) {
        String dir = stage.getCheckpointDir();
        if (dir.isEmpty()) {
            return OFF;
        }
        return new CheckpointSettings(dir, stage.getCheckpointInterval(), CheckpointMode.parse(
                stage.getCheckpointMode()), ParamsDigest.of(stage, numWorkers));
    }

    public boolean enabled() {
        return !dir.isEmpty();
    }

    /** Whether the fit writes a checkpoint after 1-based {@code epoch}. */
    boolean dueAfter(int epoch, boolean lastEpoch) {
        return enabled() && (lastEpoch || epoch % interval == 0);
    }
}
