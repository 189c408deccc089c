package io.deepline.bench;

/** One timed training: the wall time of the fit alone, the examples it processed, and the test accuracy. */
public record TrainingRun(double seconds, long examples, double testAccuracy) {

    public double examplesPerSecond() {
        return examples / seconds;
    }
}
