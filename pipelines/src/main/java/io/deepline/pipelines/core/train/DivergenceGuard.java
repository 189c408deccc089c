package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.param.Validators;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Fails a fit whose training loss rose far above where it started: a too large learning rate (or unscaled
 * features) can make SGD overshoot into a region where the loss stays high but finite, and such a fit would
 * otherwise end normally and ship a useless model. NaN and infinite losses are refused separately, at once.
 *
 * <p>The rule, with L_0 the start loss (the untrained network's, measured on each worker's first mini-batch before any
 * update, {@link RoundSum#startLoss()}: rows are shuffled into batches, so it is a sample of the data, a noisy one for
 * batches of a few rows, where a larger factor is safer) and L_e the mean training loss of epoch e: without early
 * stopping, after the last epoch E, the fit fails when L_E &gt; factor × L_0. Only the end is judged, as the loss the
 * model ships with: a fit whose early epochs rise above the start and then recover is healthy (a linear model on
 * standardized degree-10 polynomial features rose from a sampled start of 1.58 to 6.0 in epoch 1, then fitted the
 * curve), and a sampled L_0 is no safe bar for every epoch. With early stopping the model keeps the params of the best validation epoch b, so only b is judged, at the
 * end: the fit fails when L_b or b's validation loss is &gt; factor × L_0 (diverged epochs after b do not reach the
 * model; patience bounds them). Nothing is judged when L_0 &le; 0: a ratio to a start of 0, or to a negative one (a
 * VAE's negative ELBO with a Gaussian reconstruction can be), says nothing about growth. L_0 and not epoch 1's loss: a
 * step so large that it diverges within epoch 1 already makes epoch 1's mean high (measured on iris: about 12 from a
 * start of 1.1). A healthy fit ends below its start, so a factor of 3 leaves room for noise.
 *
 * @param factor the factor, &gt; 1; 0 turns the guard off
 */
public record DivergenceGuard(double factor) {
    public static final DivergenceGuard OFF = new DivergenceGuard(0);

    public DivergenceGuard {
        if (!Boolean.TRUE.equals(Validators.zeroOrAboveOne().apply(factor))) {
            throw new IllegalArgumentException("divergenceFactor must be 0 (off) or a finite number > 1, got "
                    + factor);
        }
    }

    /** The guard {@code stage}'s divergenceFactor Param sets. */
    public static DivergenceGuard of(HasTrainingParams<?> stage) {
        return new DivergenceGuard(stage.getDivergenceFactor());
    }

    public boolean enabled() {
        return factor > 0;
    }

    /**
     * @param startLoss the untrained network's loss
     * @throws IllegalStateException naming the stage, both losses, the factor and the remedies when {@code epoch}'s
     *                               training loss is over the limit
     */
    void check(String stageName, double startLoss, EpochStats epoch) {
        if (overLimit(startLoss, epoch.loss())) {
            throw diverged(stageName, String.format(Locale.ROOT, "the training loss rose from %.4g at the start to"
                    + " %.4g in epoch %d", startLoss, epoch.loss(), epoch.epoch()));
        }
    }

    /**
     * Judges the epoch whose params early stopping keeps: its training loss, and its validation loss, which is
     * measured on exactly those params (a fit that diverged late in epoch 1 may keep epoch 1 as the best).
     *
     * @throws IllegalStateException as {@link #check(String, double, EpochStats)}
     */
    void checkKept(String stageName, double startLoss, EpochStats kept) {
        check(stageName, startLoss, kept);
        if (kept.hasValidation() && overLimit(startLoss, kept.validationLoss())) {
            throw diverged(stageName, String.format(Locale.ROOT, "the validation loss of epoch %d, whose params"
                    + " early stopping keeps, is %.4g, up from a training loss of %.4g at the start", kept.epoch(),
                    kept.validationLoss(), startLoss));
        }
    }

    private boolean overLimit(double startLoss, double loss) {
        return enabled() && startLoss > 0 && loss > factor * startLoss;
    }

    private IllegalStateException diverged(String stageName, String what) {
        return new IllegalStateException(stageName + ": " + what + ", more than divergenceFactor "
                + BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString() + " times the start; the"
                + " optimizer diverged, and no model is returned. Lower learningRate, standardize the features"
                + " (StandardScaler), or, if the rise is expected, raise divergenceFactor (0 turns the check off).");
    }
}
