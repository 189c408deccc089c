package io.deepline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 10, comparisons 1 and 2: Deepline on local[2] with 2 workers (collective sync mode) against plain DL4J in one
 * JVM with 2 threads, and against dl4j-spark's ParameterAveragingTrainingMaster on the same local[2] session, on the
 * same data, epochs, batch size and updater. Issue 22: the same fit in jobs mode alongside, the workers' compute
 * alone ({@link WorkerComputeTimer}), and from these the cost of keeping the workers in sync per round in each mode.
 * The sides alternate within each run, and each ratio is taken within one run.
 */
public final class TrainingComparison implements Benchmark {

    @Override
    public String id() {
        return "training";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        MlpSettings settings = MlpSettings.issueDefaults(context.quick() ? 2 : 5);
        DeeplineTrainer deepline = new DeeplineTrainer(MlpSettings.COLLECTIVE);
        DeeplineTrainer deeplineJobs = new DeeplineTrainer(MlpSettings.JOBS);
        LocalDl4jTrainer dl4j = new LocalDl4jTrainer();
        Dl4jSparkTrainer dl4jSpark = new Dl4jSparkTrainer();
        WorkerComputeTimer compute = new WorkerComputeTimer();
        // One untimed epoch each: JIT, ND4J's native start and Spark's first jobs are not what we compare.
        MlpSettings warmUp = MlpSettings.issueDefaults(1);
        deepline.train(context, warmUp);
        deeplineJobs.train(context, warmUp);
        dl4j.train(context, warmUp);
        dl4jSpark.train(context, warmUp);
        compute.seconds(context, warmUp);

        int runs = context.runs();
        int rounds = settings.rounds(context.mnist().trainRows());
        double[] ours = new double[runs];
        double[] oursJobs = new double[runs];
        double[] theirs = new double[runs];
        double[] overhead = new double[runs];
        double[] overheadJobs = new double[runs];
        double[] oursRate = new double[runs];
        double[] oursAccuracy = new double[runs];
        double[] oursJobsAccuracy = new double[runs];
        double[] theirAccuracy = new double[runs];
        double[] sparkPeer = new double[runs];
        double[] speedup = new double[runs];
        double[] sparkPeerAccuracy = new double[runs];
        double[] busy = new double[runs];
        double[] tasksOnly = new double[runs];
        double[] jobs = new double[runs];
        double[] jobsJobsMode = new double[runs];
        double[] computeSeconds = new double[runs];
        double[] syncCollective = new double[runs];
        double[] syncJobs = new double[runs];
        for (int r = 0; r < runs; r++) {
            TrainingRun a = deepline.train(context, settings);
            SparkWorkMeter.Work work = deepline.lastWork();
            TrainingRun j = deeplineJobs.train(context, settings);
            double p = compute.seconds(context, settings);
            TrainingRun b = dl4j.train(context, settings);
            TrainingRun c = dl4jSpark.train(context, settings);
            log(deepline, a);
            log(deeplineJobs, j);
            System.err.printf(Locale.ROOT, "  %-28s %7.2f s%n", "workers' compute alone", p);
            log(dl4j, b);
            log(dl4jSpark, c);
            ours[r] = a.seconds();
            oursJobs[r] = j.seconds();
            theirs[r] = b.seconds();
            overhead[r] = a.seconds() / b.seconds();
            overheadJobs[r] = j.seconds() / b.seconds();
            oursRate[r] = a.examplesPerSecond();
            oursAccuracy[r] = a.testAccuracy();
            oursJobsAccuracy[r] = j.testAccuracy();
            theirAccuracy[r] = b.testAccuracy();
            sparkPeer[r] = c.seconds();
            speedup[r] = c.seconds() / a.seconds();
            sparkPeerAccuracy[r] = c.testAccuracy();
            busy[r] = work.taskCpuSeconds() / (a.seconds() * BenchContext.CORES);
            tasksOnly[r] = work.taskCpuSeconds() / BenchContext.CORES / b.seconds();
            jobs[r] = work.jobs();
            jobsJobsMode[r] = deeplineJobs.lastWork().jobs();
            computeSeconds[r] = p;
            syncCollective[r] = (a.seconds() - p) * 1000 / rounds;
            syncJobs[r] = (j.seconds() - p) * 1000 / rounds;
        }
        List<Figure> figures = new ArrayList<>();
        String workload = String.format(Locale.ROOT, "MLP 784-256-128-10 ReLU Adam, mnist10k (8,000 train), %d epochs,"
                + " batch %d", settings.epochs(), settings.batchSize());
        String collective = "syncMode collective";
        figures.add(Figure.of("overheadVsLocalDl4j", "Deepline (local[2], 2 workers, " + collective + ") time / plain"
                + " DL4J (one JVM, 2 threads) time; " + workload, "ratio", Stats.of(overhead))
                .withTarget(Target.atMost(0.8))
                .withDetails(Map.of(
                        "Deepline s", Figure.format(Stats.of(ours).median()),
                        "DL4J s", Figure.format(Stats.of(theirs).median()),
                        "Deepline accuracy", Figure.format(Stats.of(oursAccuracy).median()),
                        "DL4J accuracy", Figure.format(Stats.of(theirAccuracy).median()))));
        figures.add(Figure.of("overheadVsLocalDl4jJobsMode", "the same ratio with Deepline in syncMode jobs (one Spark"
                + " job per averaging round), same run; " + workload, "ratio", Stats.of(overheadJobs)));
        figures.add(Figure.of("speedupVsDl4jSpark", "dl4j-spark (ParameterAveragingTrainingMaster, same local[2]"
                + " session, 2 workers, averaging every " + settings.averagingFrequency() + " batches) time / Deepline"
                + " (" + collective + ") time; " + workload, "ratio", Stats.of(speedup)).withTarget(Target.atLeast(2.0))
                .withDetails(Map.of(
                        "Deepline s", Figure.format(Stats.of(ours).median()),
                        "dl4j-spark s", Figure.format(Stats.of(sparkPeer).median()),
                        "Deepline accuracy", Figure.format(Stats.of(oursAccuracy).median()),
                        "dl4j-spark accuracy", Figure.format(Stats.of(sparkPeerAccuracy).median()))));
        String syncDefinition = "(Deepline fit s − workers' compute s) × 1000 ÷ " + rounds + " averaging rounds;"
                + " workers' compute = " + settings.workers() + " threads of this JVM each fitting its own network on"
                + " its share of the batches with one ND4J thread, at once, no averaging and no Spark"
                + " (workerComputeSeconds); so everything a fit adds to its compute, per round; " + workload;
        figures.add(Figure.of("syncMillisPerRound", "per averaging round, syncMode collective: " + syncDefinition,
                "ms/round", Stats.of(syncCollective))
                .withDetails(Map.of("jobs mode, same runs", Figure.format(Stats.of(syncJobs).median()))));
        figures.add(Figure.of("syncMillisPerRoundJobs", "per averaging round, syncMode jobs: " + syncDefinition,
                "ms/round", Stats.of(syncJobs)));
        figures.add(Figure.of("workerComputeSeconds", "the workers' compute alone (see syncMillisPerRound)", "s",
                Stats.of(computeSeconds)));
        figures.add(Figure.of("sparkJobsPerFit", "Spark jobs started during one Deepline fit, syncMode collective (one"
                + " barrier stage per epoch, plus data preparation), counted by a SparkListener", "jobs",
                Stats.of(jobs)));
        figures.add(Figure.of("sparkJobsPerFitJobs", "Spark jobs started during one Deepline fit, syncMode jobs (one"
                + " per averaging round, plus data preparation), counted by a SparkListener", "jobs",
                Stats.of(jobsJobsMode)));
        figures.add(Figure.of("deeplineCoreBusyShare", "the share of the " + BenchContext.CORES + " cores' time the"
                + " Deepline fit's (" + collective + ") Spark tasks spent on CPU: task CPU s ÷ (fit s × "
                + BenchContext.CORES + ")", "share", Stats.of(busy)));
        figures.add(Figure.of("overheadVsLocalDl4jTasksOnly", "the Deepline fit's (" + collective + ") task CPU time"
                + " spread evenly over the " + BenchContext.CORES + " cores ÷ plain DL4J's time: overheadVsLocalDl4j if"
                + " the time around the tasks' CPU work (scheduling, transfers, waiting for the slower worker or a"
                + " peer) were zero", "ratio", Stats.of(tasksOnly)));
        figures.add(Figure.of("deeplineExamplesPerSecond", "Deepline training throughput, " + collective + ", "
                + workload, "examples/s", Stats.of(oursRate)));
        figures.add(Figure.of("deeplineTrainSeconds", "Deepline fit wall time, " + collective + " (Spark already"
                + " started)", "s", Stats.of(ours)));
        figures.add(Figure.of("deeplineJobsModeTrainSeconds", "Deepline fit wall time, syncMode jobs", "s",
                Stats.of(oursJobs)));
        figures.add(Figure.of("localDl4jTrainSeconds", "plain DL4J fit wall time", "s", Stats.of(theirs)));
        figures.add(Figure.of("dl4jSparkTrainSeconds", "dl4j-spark fit wall time (its RDD of " + settings.batchSize()
                + "-row DataSets cached beforehand; Direct approach)", "s", Stats.of(sparkPeer)));
        figures.add(Figure.of("deeplineTestAccuracy", "Deepline held-out accuracy (2,000 rows), " + collective,
                "accuracy", Stats.of(oursAccuracy)));
        figures.add(Figure.of("deeplineJobsModeTestAccuracy", "Deepline held-out accuracy, syncMode jobs (the same"
                + " params bit for bit as collective)", "accuracy", Stats.of(oursJobsAccuracy)));
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
