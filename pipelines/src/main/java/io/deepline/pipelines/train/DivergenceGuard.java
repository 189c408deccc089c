package io.deepline.pipelines.train;

import io.deepline.pipelines.param.HasTrainingParams;
import io.deepline.pipelines.param.Validators;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Fails a fit whose training loss rose far above where it started: a too large learning rate (or unscaled
 * features) can make SGD overshoot into a region where the loss stays high but finite, and such a fit would
 * otherwise end normally and ship a useless model. NaN and infinite losses are refused separately, at once.
 *
 * <p>The rule, with L_e the mean training loss of epoch e: without early stopping, after every epoch, the fit fails
 * when L_e &gt; factor × L_1 (at once, not after hundreds of epochs of garbage). With early stopping the model keeps
 * the params of the best validation epoch b, so only b is judged, at the end: the fit fails when L_b or b's
 * validation loss is &gt; factor × L_1 (diverged epochs after b do not reach the model; patience bounds them).
 * Nothing is judged when L_1 &le; 0: a ratio to a first loss of 0, or to a negative one (a VAE's negative ELBO with a
 * Gaussian reconstruction can be), says nothing about growth. L_1 already includes the initial, untrained
 * batches, so a healthy fit ends below it, and a factor of 3 leaves room for noise. A fit that diverges within
 * epoch 1 and stays there is not caught: its losses never rise from L_1.
 *
 * @param factor the factor, &gt; 1; 0 turns the guard off
 */
public record DivergenceGuard(double factor) {
    /** The guard of the {@code divergenceFactor} Param's default. */
    public static final DivergenceGuard DEFAULT = new DivergenceGuard(HasTrainingParams.DEFAULT_DIVERGENCE_FACTOR);
    public static final DivergenceGuard OFF = new DivergenceGuard(0);

    public DivergenceGuard {
        if (!Boolean.TRUE.equals(Validators.zeroOrAboveOne().apply(factor))) {
            throw new IllegalArgumentException("divergenceFactor must be 0 (off) or a finite number > 1, got "
                    + factor);
        }
    }

    /** The guard {@code stage}'s divergenceFactor Param sets. */
    public static DivergenceGuard of(HasTrainingParams stage) {
        return new DivergenceGuard(stage.getDivergenceFactor());
    }

    public boolean enabled() {
        return factor > 0;
    }

    /**
     * @throws IllegalStateException naming the stage, both losses, the factor and the remedies when {@code epoch}'s
     *                               training loss is over the limit {@code first}'s sets
     */
    void check(String stageName, EpochStats first, EpochStats epoch) {
        if (overLimit(first, epoch.loss())) {
            throw diverged(stageName, first, String.format(Locale.ROOT, "rose from %.4g in epoch 1 to %.4g in epoch"
                    + " %d", first.loss(), epoch.loss(), epoch.epoch()));
        }
    }

    /**
     * Judges the epoch whose params early stopping keeps: its training loss, and its validation loss, which is
     * measured on exactly those params (a fit that diverged at the end of epoch 1 keeps epoch 1 as the best).
     *
     * @throws IllegalStateException as {@link #check(String, EpochStats, EpochStats)}
     */
    void checkKept(String stageName, EpochStats first, EpochStats kept) {
        check(stageName, first, kept);
        if (kept.hasValidation() && overLimit(first, kept.validationLoss())) {
            throw diverged(stageName, first, String.format(Locale.ROOT, "was %.4g in epoch 1, but the validation"
                    + " loss of epoch %d, whose params early stopping keeps, is %.4g", first.loss(), kept.epoch(),
                    kept.validationLoss()));
        }
    }

    private boolean overLimit(EpochStats first, double loss) {
        return enabled() && first.loss() > 0 && loss > factor * first.loss();
    }

    private IllegalStateException diverged(String stageName, EpochStats first, String what) {
        return new IllegalStateException(stageName + ": the training loss " + what + ", more than divergenceFactor "
                + BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString() + " times epoch 1's; the optimizer"
                + " diverged, and no model is returned. Lower learningRate, standardize the features"
                + " (StandardScaler), or, if the rise is expected, raise divergenceFactor (0 turns the check off).");
    }
}
