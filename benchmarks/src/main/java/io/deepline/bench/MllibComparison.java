package io.deepline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 10, comparison 3: Spark MLlib's MultilayerPerceptronClassifier (784-256-128-10, default maxIter 100, seed
 * 42) sets the bar with its held-out accuracy A; Deepline (the MLP, ReLU and Adam, 2 workers) must reach A,
 * and the figure is MLlib's fit time over Deepline's time to reach A. Each run fits MLlib, then fits Deepline once,
 * scoring the test rows after every epoch, until an epoch reaches that run's A ({@link TimeToAccuracy}). In --quick
 * mode: one run, and MLlib stops at 20 iterations (a lower bar).
 */
public final class MllibComparison implements Benchmark {

    private static final int QUICK_MAX_ITER = 20;

    @Override
    public String id() {
        return "mllib";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int maxIter = context.quick() ? QUICK_MAX_ITER : MllibMlp.DEFAULT_MAX_ITER;
        int runs = context.quick() ? 1 : context.runs();
        MllibMlp mllib = new MllibMlp();
        TimeToAccuracy deepline = new TimeToAccuracy();
        // Untimed: JIT, ND4J's native start, MLlib's first L-BFGS jobs.
        mllib.fit(context, 1);
        deepline.warmUp(context);

        double[] mllibSeconds = new double[runs];
        double[] mllibAccuracy = new double[runs];
        double[] deeplineSeconds = new double[runs];
        double[] deeplineEpochs = new double[runs];
        double[] deeplineAccuracy = new double[runs];
        double[] speedup = new double[runs];
        int missed = 0;
        for (int r = 0; r < runs; r++) {
            TrainingRun bar = mllib.fit(context, maxIter);
            System.err.printf(Locale.ROOT, "  MLlib MLP (%d iterations)    %7.2f s  accuracy %.4f%n", maxIter,
                    bar.seconds(), bar.testAccuracy());
            TimeToAccuracy.Result ours = deepline.reach(context, bar.testAccuracy());
            mllibSeconds[r] = bar.seconds();
            mllibAccuracy[r] = bar.testAccuracy();
            deeplineSeconds[r] = ours.run().seconds();
            deeplineEpochs[r] = ours.epochs();
            deeplineAccuracy[r] = ours.run().testAccuracy();
            // Not reaching A counts as no speed-up at all, so the target is missed.
            speedup[r] = ours.reached() ? bar.seconds() / ours.run().seconds() : 0;
            missed += ours.reached() ? 0 : 1;
        }
        String mllibSetup = String.format(Locale.ROOT, "MLlib MultilayerPerceptronClassifier 784-256-128-10 (sigmoid,"
                + " L-BFGS), maxIter %d%s, seed 42", maxIter, context.quick() ? " (quick mode; the default is 100)" : "");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("MLlib s", Figure.format(Stats.of(mllibSeconds).median()));
        details.put("MLlib accuracy (the bar)", Figure.format(Stats.of(mllibAccuracy).median()));
        details.put("Deepline s to the bar", Figure.format(Stats.of(deeplineSeconds).median()));
        details.put("Deepline epochs to the bar", Figure.format(Stats.of(deeplineEpochs).median()));
        details.put("Deepline accuracy there", Figure.format(Stats.of(deeplineAccuracy).median()));
        if (missed > 0) {
            details.put("runs where Deepline missed the bar within " + TimeToAccuracy.MAX_EPOCHS + " epochs",
                    String.valueOf(missed));
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("speedupVsMllibMlp", "MLlib MLP fit time / Deepline's time to reach MLlib's held-out"
                + " accuracy (wall time from fit to the end of the first epoch that reaches it); " + mllibSetup
                + "; Deepline: the issue's MLP (ReLU, Adam, batch 64, 2 workers, syncMode collective); mnist10k (8,000 train, 2,000 test)",
                "ratio",
                Stats.of(speedup)).withTarget(Target.atLeast(10.0)).withDetails(details));
        figures.add(Figure.of("mllibMlpTrainSeconds", "MLlib MLP fit wall time, " + mllibSetup, "s",
                Stats.of(mllibSeconds)));
        figures.add(Figure.of("mllibMlpTestAccuracy", "MLlib MLP held-out accuracy (2,000 rows), " + mllibSetup,
                "accuracy", Stats.of(mllibAccuracy)));
        figures.add(Figure.of("deeplineSecondsToMllibAccuracy", "Deepline wall time from fit to the end of the first"
                + " epoch that reaches MLlib's accuracy (its test-row scoring included)", "s",
                Stats.of(deeplineSeconds)));
        figures.add(Figure.of("deeplineEpochsToMllibAccuracy", "the fewest epochs with which Deepline reaches MLlib's"
                + " accuracy (capped at " + TimeToAccuracy.MAX_EPOCHS + ")", "epochs", Stats.of(deeplineEpochs)));
        return figures;
    }
}
