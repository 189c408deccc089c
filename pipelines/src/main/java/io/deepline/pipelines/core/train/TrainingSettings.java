package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.param.HasTrainingParams;

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
 * @param divergence            when a rising training loss fails the fit, {@link DivergenceGuard#OFF} for never
 * @param sync                  how the workers average (sync mode, epoch retries)
 * @param gradientNormStop      stop after the first epoch whose gradient norm is below this; 0 = never
 * @param gradientDiagnostics   record per-layer gradient norms and dead-ReLU shares per epoch
 *                              ({@link LayerDiagnostics})
 */
public record TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed,
                               ValidationMetric validationMetric, int earlyStoppingPatience,
                               double earlyStoppingMinDelta, CheckpointSettings checkpoint,
                               DivergenceGuard divergence, SyncSettings sync, double gradientNormStop,
                               boolean gradientDiagnostics) {
    public TrainingSettings {
        if (!(gradientNormStop >= 0) || Double.isInfinite(gradientNormStop)) {
            throw new IllegalArgumentException("gradientNormStop must be a finite number >= 0 (0 = off), got "
                    + gradientNormStop);
        }
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
        if (divergence == null) {
            throw new IllegalArgumentException("a divergence guard is required; use DivergenceGuard.OFF for none");
        }
        if (sync == null) {
            throw new IllegalArgumentException("sync settings are required; use SyncSettings.DEFAULT");
        }
    }

    /** Settings without gradient diagnostics. */
    public TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed,
                            ValidationMetric validationMetric, int earlyStoppingPatience,
                            double earlyStoppingMinDelta, CheckpointSettings checkpoint, DivergenceGuard divergence,
                            SyncSettings sync, double gradientNormStop) {
        this(stageName, maxEpochs, averagingFrequency, seed, validationMetric, earlyStoppingPatience,
                earlyStoppingMinDelta, checkpoint, divergence, sync, gradientNormStop, false);
    }

    /** Settings without the gradient-norm stop. */
    public TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed,
                            ValidationMetric validationMetric, int earlyStoppingPatience,
                            double earlyStoppingMinDelta, CheckpointSettings checkpoint, DivergenceGuard divergence,
                            SyncSettings sync) {
        this(stageName, maxEpochs, averagingFrequency, seed, validationMetric, earlyStoppingPatience,
                earlyStoppingMinDelta, checkpoint, divergence, sync, 0.0);
    }

    /** Whether workers sum their mini-batch gradients: only when the gradient-norm stop or diagnostics need them. */
    public boolean tracksGradient() {
        return gradientNormStop > 0 || gradientDiagnostics;
    }

    /** These settings with gradient diagnostics on or off. */
    public TrainingSettings withGradientDiagnostics(boolean on) {
        return new TrainingSettings(stageName, maxEpochs, averagingFrequency, seed, validationMetric,
                earlyStoppingPatience, earlyStoppingMinDelta, checkpoint, divergence, sync, gradientNormStop, on);
    }

    /**
     * The bare loop: settings without checkpoints or divergence guard (the stages' fits take
     * {@link #of(HasTrainingParams, String, int, ValidationMetric)}, where the guard is on by default).
     */
    public TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed,
                            ValidationMetric validationMetric, int earlyStoppingPatience,
                            double earlyStoppingMinDelta) {
        this(stageName, maxEpochs, averagingFrequency, seed, validationMetric, earlyStoppingPatience,
                earlyStoppingMinDelta, CheckpointSettings.OFF, DivergenceGuard.OFF, SyncSettings.DEFAULT);
    }

    /** These settings with another sync mode (tests compare the modes; the trainer falls back to jobs). */
    public TrainingSettings withSyncMode(SyncMode mode) {
        return new TrainingSettings(stageName, maxEpochs, averagingFrequency, seed, validationMetric,
                earlyStoppingPatience, earlyStoppingMinDelta, checkpoint, divergence, sync.withMode(mode),
                gradientNormStop, gradientDiagnostics);
    }

    /** The bare loop without early stopping; validation, if any, reports accuracy. */
    public TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed) {
        this(stageName, maxEpochs, averagingFrequency, seed, ValidationMetric.ACCURACY, 0, 0.0);
    }

    /**
     * The settings {@code stage}'s Params give: epochs, averaging, seed, early stopping, checkpoints and the
     * divergence guard, sync mode. The stage name is prefixed with this thread's {@link FitLabel}, if any, so a
     * tuner's epoch lines and job descriptions name the candidate and fold.
     *
     * @param metric what validation rows report besides the loss (stages without validation: any)
     */
    public static TrainingSettings of(HasTrainingParams<?> stage, String stageName, int numWorkers,
                                      ValidationMetric metric) {
        return new TrainingSettings(FitLabel.decorate(stageName), stage.getMaxEpochs(),
                stage.getAveragingFrequency(), stage.getSeed(), metric, stage.getEarlyStoppingPatience(),
                stage.getEarlyStoppingMinDelta(), CheckpointSettings.of(stage, numWorkers), DivergenceGuard.of(stage),
                new SyncSettings(SyncMode.parse(stage.getSyncMode()), stage.getMaxEpochRetries()),
                stage.getGradientNormStop(), stage.getGradientDiagnostics());
    }

    /** {@link #of(HasTrainingParams, String, int, ValidationMetric)} for a stage that validates no rows. */
    public static TrainingSettings of(HasTrainingParams<?> stage, String stageName, int numWorkers) {
        return of(stage, stageName, numWorkers, ValidationMetric.ACCURACY);
    }
}
