package io.deepline.pipelines.core.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The per-epoch record of a fit, kept on the model and saved with it ({@code data/history.json}).
 *
 * <p>With validation data it also names the validation metric, the best epoch (lowest validation loss) and
 * whether early stopping ended the fit; the model then holds the best epoch's params.
 */
public final class TrainingHistory implements Serializable {
    private static final long serialVersionUID = 2L;

    private final List<EpochStats> epochs;
    private final String validationMetricName;
    private final int bestEpoch;
    private final boolean stoppedEarly;

    /** A history without validation. */
    public TrainingHistory(List<EpochStats> epochs) {
        this(epochs, null, 0, false);
    }

    /**
     * @param validationMetricName "accuracy", "rmse", ...; null without validation
     * @param bestEpoch            1-based epoch whose params the model holds, 0 without validation
     * @param stoppedEarly         true when early stopping ended the fit before maxEpochs
     */
    public TrainingHistory(List<EpochStats> epochs, String validationMetricName, int bestEpoch,
                           boolean stoppedEarly) {
        if (bestEpoch < 0 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("bestEpoch " + bestEpoch + " is outside the " + epochs.size()
                    + " recorded epochs");
        }
        this.epochs = Collections.unmodifiableList(new ArrayList<>(epochs));
        this.validationMetricName = validationMetricName;
        this.bestEpoch = bestEpoch;
        this.stoppedEarly = stoppedEarly;
    }

    public static TrainingHistory empty() {
        return new TrainingHistory(List.of());
    }

    public List<EpochStats> epochs() {
        return epochs;
    }

    public int numEpochs() {
        return epochs.size();
    }

    /** The name of {@link EpochStats#validationMetric()}, or null when the fit had no validation data. */
    public String validationMetricName() {
        return validationMetricName;
    }

    public boolean hasValidation() {
        return validationMetricName != null;
    }

    /** The 1-based epoch whose params the model holds when validating (lowest validation loss), else 0. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** The loss of the last epoch, or NaN before any. */
    public double finalLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).loss();
    }

    public double totalSeconds() {
        return epochs.stream().mapToDouble(EpochStats::seconds).sum();
    }

    public TrainingHistory plus(EpochStats epoch) {
        List<EpochStats> next = new ArrayList<>(epochs);
        next.add(epoch);
        return new TrainingHistory(next, validationMetricName, bestEpoch, stoppedEarly);
    }

    /** This history with its validation outcome set. */
    public TrainingHistory withValidationOutcome(String metricName, int best, boolean stopped) {
        return new TrainingHistory(epochs, metricName, best, stopped);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingHistory h && h.epochs.equals(epochs)
                && Objects.equals(h.validationMetricName, validationMetricName) && h.bestEpoch == bestEpoch
                && h.stoppedEarly == stoppedEarly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochs, validationMetricName, bestEpoch, stoppedEarly);
    }

    @Override
    public String toString() {
        return "TrainingHistory" + epochs + (hasValidation() ? " best epoch " + bestEpoch
                + (stoppedEarly ? " (stopped early)" : "") : "");
    }
}
