package io.deepline.models.spec;

import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Learning-rate decay by epoch (course §1.6: large steps early, smaller ones near a minimum).
 *
 * @param kind       none, step (α·γ^⌊epoch / stepEpochs⌋) or exponential (α·γ^epoch)
 * @param decay      γ in (0, 1]
 * @param stepEpochs epochs between two decays of a step schedule, &gt; 0
 */
public record LearningRateSchedule(Kind kind, double decay, int stepEpochs) {

    /** The decay shapes. */
    public enum Kind { NONE, STEP, EXPONENTIAL }

    public static final LearningRateSchedule NONE = new LearningRateSchedule(Kind.NONE, 1.0, 1);

    public LearningRateSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("lrSchedule must be one of " + String.join(", ", names()));
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("lrDecay is " + decay + "; the decay factor γ must be in (0, 1]");
        }
        if (stepEpochs <= 0) {
            throw new IllegalArgumentException("lrDecayEpochs is " + stepEpochs + "; it must be > 0");
        }
    }

    /** The DL4J schedule starting at {@code learningRate}, or null for a constant rate. */
    public ISchedule toSchedule(double learningRate) {
        return switch (kind) {
            case NONE -> null;
            case STEP -> new StepSchedule(ScheduleType.EPOCH, learningRate, decay, stepEpochs);
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.EPOCH, learningRate, decay);
        };
    }

    public static String[] names() {
        return UserNames.of(Kind.class);
    }

    public static Kind parseKind(String name) {
        return UserNames.parse(Kind.class, name, "lrSchedule");
    }
}
