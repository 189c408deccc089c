package io.deepline.pipelines.train;

/**
 * How the parameter-averaging loop runs.
 *
 * @param stageName             shown in Spark job descriptions and log lines ("DeepClassifier")
 * @param maxEpochs             passes over the data, &gt; 0
 * @param averagingFrequency    mini-batches each worker fits between two averages, &gt; 0
 * @param seed                  seeds the per-epoch batch order
 * @param validationMetric      what to report on validation rows besides the loss
 * @param earlyStoppingPatience epochs without validation improvement before stopping, 0 = never
 * @param earlyStoppingMinDelta smallest validation-loss decrease that counts as an improvement
 * @param checkpoint            where and how often to checkpoint, {@link CheckpointSettings#OFF} for never
 */
public record TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed,
                               ValidationMetric validationMetric, int earlyStoppingPatience,
                               double earlyStoppingMinDelta, CheckpointSettings checkpoint) {
    public TrainingSettings {
        if (maxEpochs <= 0) {
            throw new IllegalArgumentException("maxEpochs must be > 0, got " + maxEpochs);
        }
        if (averagingFrequency <= 0) {
            throw new IllegalArgumentException("averagingFrequency must be > 0, got " + averagingFrequency);
        }
        if (earlyStoppingPatience < 0 || !(earlyStoppingMinDelta >= 0)) {
            throw new IllegalArgumentException("earlyStoppingPatience and earlyStoppingMinDelta must be >= 0, got "
                    + earlyStoppingPatience + " and " + earlyStoppingMinDelta);
        }
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint settings are required; use CheckpointSettings.OFF for none");
        }
    }

    /** Settings without checkpoints. */
    public TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed,
                            ValidationMetric validationMetric, int earlyStoppingPatience,
                            double earlyStoppingMinDelta) {
        this(stageName, maxEpochs, averagingFrequency, seed, validationMetric, earlyStoppingPatience,
                earlyStoppingMinDelta, CheckpointSettings.OFF);
    }

    /** Settings without early stopping or checkpoints; validation, if any, reports accuracy. */
    public TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed) {
        this(stageName, maxEpochs, averagingFrequency, seed, ValidationMetric.ACCURACY, 0, 0.0);
    }

    /** These settings with {@code value} as the checkpoint settings. */
    public TrainingSettings withCheckpoint(CheckpointSettings value) {
        return new TrainingSettings(stageName, maxEpochs, averagingFrequency, seed, validationMetric,
                earlyStoppingPatience, earlyStoppingMinDelta, value);
    }
}
