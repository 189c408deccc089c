package io.deepline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 10, comparisons 1 and 2: Deepline on local[2] with 2 workers against plain DL4J in one JVM with 2 threads,
 * and against dl4j-spark's ParameterAveragingTrainingMaster on the same local[2] session, on the same data, epochs,
 * batch size and updater. The sides alternate within each run, and each ratio is taken within one run.
 */
public final class TrainingComparison implements Benchmark {

    @Override
    public String id() {
        return "training";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        MlpSettings settings = MlpSettings.issueDefaults(context.quick() ? 2 : 5);
        DeeplineTrainer deepline = new DeeplineTrainer();
        LocalDl4jTrainer dl4j = new LocalDl4jTrainer();
        Dl4jSparkTrainer dl4jSpark = new Dl4jSparkTrainer();
        // One untimed epoch each: JIT, ND4J's native start and Spark's first jobs are not what we compare.
        MlpSettings warmUp = MlpSettings.issueDefaults(1);
        deepline.train(context, warmUp);
        dl4j.train(context, warmUp);
        dl4jSpark.train(context, warmUp);

        int runs = context.runs();
        double[] ours = new double[runs];
        double[] theirs = new double[runs];
        double[] overhead = new double[runs];
        double[] oursRate = new double[runs];
        double[] oursAccuracy = new double[runs];
        double[] theirAccuracy = new double[runs];
        double[] sparkPeer = new double[runs];
        double[] speedup = new double[runs];
        double[] sparkPeerAccuracy = new double[runs];
        double[] busy = new double[runs];
        double[] tasksOnly = new double[runs];
        double[] jobs = new double[runs];
        for (int r = 0; r < runs; r++) {
            TrainingRun a = deepline.train(context, settings);
            TrainingRun b = dl4j.train(context, settings);
            TrainingRun c = dl4jSpark.train(context, settings);
            log(deepline, a);
            log(dl4j, b);
            log(dl4jSpark, c);
            ours[r] = a.seconds();
            theirs[r] = b.seconds();
            overhead[r] = a.seconds() / b.seconds();
            oursRate[r] = a.examplesPerSecond();
            oursAccuracy[r] = a.testAccuracy();
            theirAccuracy[r] = b.testAccuracy();
            sparkPeer[r] = c.seconds();
            speedup[r] = c.seconds() / a.seconds();
            sparkPeerAccuracy[r] = c.testAccuracy();
            SparkWorkMeter.Work work = deepline.lastWork();
            busy[r] = work.taskCpuSeconds() / (a.seconds() * BenchContext.CORES);
            tasksOnly[r] = work.taskCpuSeconds() / BenchContext.CORES / b.seconds();
            jobs[r] = work.jobs();
        }
        List<Figure> figures = new ArrayList<>();
        String workload = String.format(Locale.ROOT, "MLP 784-256-128-10 ReLU Adam, mnist10k (8,000 train), %d epochs,"
                + " batch %d", settings.epochs(), settings.batchSize());
        figures.add(Figure.of("overheadVsLocalDl4j", "Deepline (local[2], 2 workers) time / plain DL4J (one JVM,"
                + " 2 threads) time; " + workload, "ratio", Stats.of(overhead)).withTarget(Target.atMost(1.0))
                .withDetails(Map.of(
                        "Deepline s", Figure.format(Stats.of(ours).median()),
                        "DL4J s", Figure.format(Stats.of(theirs).median()),
                        "Deepline accuracy", Figure.format(Stats.of(oursAccuracy).median()),
                        "DL4J accuracy", Figure.format(Stats.of(theirAccuracy).median()))));
        figures.add(Figure.of("speedupVsDl4jSpark", "dl4j-spark (ParameterAveragingTrainingMaster, same local[2]"
                + " session, 2 workers, averaging every " + settings.averagingFrequency() + " batches) time / Deepline"
                + " time; " + workload, "ratio", Stats.of(speedup)).withTarget(Target.atLeast(2.0))
                .withDetails(Map.of(
                        "Deepline s", Figure.format(Stats.of(ours).median()),
                        "dl4j-spark s", Figure.format(Stats.of(sparkPeer).median()),
                        "Deepline accuracy", Figure.format(Stats.of(oursAccuracy).median()),
                        "dl4j-spark accuracy", Figure.format(Stats.of(sparkPeerAccuracy).median()))));
        figures.add(Figure.of("deeplineCoreBusyShare", "the share of the " + BenchContext.CORES + " cores' time the"
                + " Deepline fit's Spark tasks spent on CPU: task CPU s ÷ (fit s × " + BenchContext.CORES + ")",
                "share", Stats.of(busy)));
        figures.add(Figure.of("overheadVsLocalDl4jTasksOnly", "the Deepline fit's task CPU time spread evenly over the "
                + BenchContext.CORES + " cores ÷ plain DL4J's time: overheadVsLocalDl4j if the time around the tasks"
                + " (job scheduling, broadcast and result transfers, averaging, waiting for the slower worker) were"
                + " zero", "ratio", Stats.of(tasksOnly)));
        figures.add(Figure.of("deeplineSparkJobsPerFit", "Spark jobs in one Deepline fit (one per averaging round,"
                + " plus data preparation)", "jobs", Stats.of(jobs)));
        figures.add(Figure.of("deeplineExamplesPerSecond", "Deepline training throughput, " + workload, "examples/s",
                Stats.of(oursRate)));
        figures.add(Figure.of("deeplineTrainSeconds", "Deepline fit wall time (Spark already started)", "s",
                Stats.of(ours)));
        figures.add(Figure.of("localDl4jTrainSeconds", "plain DL4J fit wall time", "s", Stats.of(theirs)));
        figures.add(Figure.of("dl4jSparkTrainSeconds", "dl4j-spark fit wall time (its RDD of " + settings.batchSize()
                + "-row DataSets cached beforehand; Direct approach)", "s", Stats.of(sparkPeer)));
        figures.add(Figure.of("deeplineTestAccuracy", "Deepline held-out accuracy (2,000 rows)", "accuracy",
                Stats.of(oursAccuracy)));
        figures.add(Figure.of("localDl4jTestAccuracy", "plain DL4J held-out accuracy", "accuracy",
                Stats.of(theirAccuracy)));
        figures.add(Figure.of("dl4jSparkTestAccuracy", "dl4j-spark held-out accuracy", "accuracy",
                Stats.of(sparkPeerAccuracy)));
        return figures;
    }

    static void log(MlpTrainer trainer, TrainingRun run) {
        System.err.printf(Locale.ROOT, "  %-28s %7.2f s  %8.0f examples/s  accuracy %.4f%n", trainer.name(),
                run.seconds(), run.examplesPerSecond(), run.testAccuracy());
    }
}
