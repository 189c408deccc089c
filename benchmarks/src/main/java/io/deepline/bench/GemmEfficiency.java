package io.deepline.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 10, item 6: how close plain DL4J training of the issue's MLP comes to ND4J's own matrix-product speed. Per
 * run, one epoch of {@code MultiLayerNetwork.fit} (batch 64, {@link LocalDl4jTrainer}) gives the training GEMM
 * FLOP/s, the FLOPs of the products DL4J runs ({@link StepGemm}) over the fit's time; then {@code mmul} alone on
 * exactly those products, as many steps as the epoch has, gives the peak. Both count the same FLOPs, so the ratio
 * is the share of the training time those products would take at mmul's speed; the rest is everything else a step
 * does (activations, loss, Adam, workspaces, Java).
 */
public final class GemmEfficiency implements Benchmark {

    @Override
    public String id() {
        return "gemm";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        MlpSettings settings = MlpSettings.issueDefaults(1);
        List<StepGemm> gemms = StepGemm.trainingStep(settings);
        long flopsPerStep = gemms.stream().mapToLong(StepGemm::flops).sum();
        long flopsPerExample = StepGemm.executedFlopsPerExample(settings);
        int steps = (context.mnist().trainRows() + settings.batchSize() - 1) / settings.batchSize();
        LocalDl4jTrainer dl4j = new LocalDl4jTrainer();
        GemmStepRunner mmul = new GemmStepRunner(gemms);
        dl4j.train(context, settings); // untimed warm-up: JIT, ND4J's native start, BLAS threads
        mmul.timeSteps(steps);

        int runs = context.runs();
        double[] trainingGflops = new double[runs];
        double[] mmulGflops = new double[runs];
        double[] efficiency = new double[runs];
        double[] trainSeconds = new double[runs];
        double[] mmulSeconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            TrainingRun training = dl4j.train(context, settings);
            double mmulTime = mmul.timeSteps(steps);
            trainSeconds[r] = training.seconds();
            mmulSeconds[r] = mmulTime;
            trainingGflops[r] = flopsPerExample * training.examples() / training.seconds() / 1e9;
            mmulGflops[r] = (double) flopsPerStep * steps / mmulTime / 1e9;
            efficiency[r] = trainingGflops[r] / mmulGflops[r];
            System.err.printf(Locale.ROOT, "  training %6.2f GFLOP/s (%.2f s)   mmul %6.2f GFLOP/s (%.2f s)   %.3f%n",
                    trainingGflops[r], training.seconds(), mmulGflops[r], mmulTime, efficiency[r]);
        }
        String workload = String.format(Locale.ROOT, "MLP 784-256-128-10 ReLU Adam, batch %d, one epoch of %d steps",
                settings.batchSize(), steps);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("training GFLOP/s", Figure.format(Stats.of(trainingGflops).median()));
        details.put("mmul GFLOP/s", Figure.format(Stats.of(mmulGflops).median()));
        details.put("GEMM FLOPs per step", String.format(Locale.ROOT, "%,d (%d products)", flopsPerStep,
                gemms.size()));
        details.put("useful FLOPs per step", String.format(Locale.ROOT, "%,d (one forward, weight gradients, input"
                + " gradients past layer 0; DL4J also recomputes every pre-activation and layer 0's input gradient)",
                StepGemm.usefulFlopsPerExample(settings) * settings.batchSize()));
        details.put("training s", Figure.format(Stats.of(trainSeconds).median()));
        details.put("mmul s", Figure.format(Stats.of(mmulSeconds).median()));
        return List.of(
                Figure.of("gemmEfficiency", "training GEMM FLOP/s ÷ ND4J mmul FLOP/s on the same products; "
                        + workload, "ratio", Stats.of(efficiency)).withTarget(Target.atLeast(0.6))
                        .withDetails(details),
                Figure.of("gemmTrainingGflops", "GEMM FLOPs DL4J runs in training ÷ fit time; " + workload,
                        "GFLOP/s", Stats.of(trainingGflops)),
                Figure.of("gemmMmulGflops", "ND4J mmul alone on one step's products (DL4J's shapes and layouts)",
                        "GFLOP/s", Stats.of(mmulGflops)));
    }
}
