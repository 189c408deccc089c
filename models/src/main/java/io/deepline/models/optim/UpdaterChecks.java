package io.deepline.models.optim;

import org.nd4j.linalg.schedule.ISchedule;

/** Argument checks shared by the updater configurations, with messages that say how to fix the value. */
final class UpdaterChecks {
    private UpdaterChecks() {
    }

    /** A fixed learning rate must be finite and &gt; 0; with a schedule the fixed value is unused. */
    static void learningRate(double learningRate, ISchedule schedule) {
        if (schedule == null && !(learningRate > 0.0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("learningRate is " + learningRate
                    + "; it must be a finite number > 0 (or give a learningRateSchedule instead)");
        }
    }

    static ISchedule schedule(ISchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("learningRateSchedule is null; pass a schedule, or use the "
                    + "constructor that takes a fixed learningRate");
        }
        return schedule;
    }

    /** A decay rate such as a momentum or an Adam β: in [0, 1), since 1 would never forget and &gt; 1 diverges. */
    static void decayRate(String field, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(field + " is " + value + "; it must be in [0, 1), e.g. 0.9");
        }
    }

    static void positiveFinite(String field, double value, String example) {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(field + " is " + value + "; it must be a finite number > 0, e.g. "
                    + example);
        }
    }
}
