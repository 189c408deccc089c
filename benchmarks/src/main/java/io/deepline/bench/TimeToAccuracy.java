package io.deepline.bench;

/**
 * How long Deepline takes to reach a given held-out accuracy: the fit time of the smallest epoch count k whose
 * model reaches it. Each k trains from scratch (k = 1, 2, ... up to a cap), so the time is that of one ordinary
 * fit, not of the search.
 */
public final class TimeToAccuracy {

    /** Epoch counts beyond this are not tried; the bar counts as not reached. */
    public static final int MAX_EPOCHS = 20;

    private final DeeplineTrainer deepline = new DeeplineTrainer();

    /** The first k's run that reaches {@code bar}, or empty if none up to {@link #MAX_EPOCHS} does. */
    public Result reach(BenchContext context, double bar) throws Exception {
        TrainingRun last = null;
        for (int k = 1; k <= MAX_EPOCHS; k++) {
            last = deepline.train(context, MlpSettings.issueDefaults(k));
            System.err.printf(java.util.Locale.ROOT, "    Deepline %2d epoch(s): %6.2f s, accuracy %.4f (bar %.4f)%n",
                    k, last.seconds(), last.testAccuracy(), bar);
            if (last.testAccuracy() >= bar) {
                return new Result(k, last, true);
            }
        }
        return new Result(MAX_EPOCHS, last, false);
    }

    /** Warms Deepline up (one untimed epoch). */
    public void warmUp(BenchContext context) throws Exception {
        deepline.train(context, MlpSettings.issueDefaults(1));
    }

    /** The epoch count k, its run, and whether it reached the bar (false: k is the cap). */
    public record Result(int epochs, TrainingRun run, boolean reached) {
    }
}
