package io.deepline.pipelines.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The per-epoch record of a fit, kept on the model and saved with it ({@code data/history.json}). */
public final class TrainingHistory implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<EpochStats> epochs;

    public TrainingHistory(List<EpochStats> epochs) {
        this.epochs = Collections.unmodifiableList(new ArrayList<>(epochs));
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
        return new TrainingHistory(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingHistory h && h.epochs.equals(epochs);
    }

    @Override
    public int hashCode() {
        return epochs.hashCode();
    }

    @Override
    public String toString() {
        return "TrainingHistory" + epochs;
    }
}
