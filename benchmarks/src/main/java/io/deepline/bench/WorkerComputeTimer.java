package io.deepline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The pure compute of a Deepline fit: each of the {@code workers} threads of this JVM trains its own copy of the
 * network on its share of the batches (as the fit's partitions split them), with one ND4J thread each as a Spark task
 * has, all at once, with no averaging, no Spark and no transfer. What a fit takes beyond this wall time is the cost
 * of keeping the workers in sync (jobs or barrier stages, broadcasts, averaging, waiting for the slower worker),
 * which {@link TrainingComparison} divides by the rounds. The threads compete for the cores' caches and memory as
 * the fit's tasks do, so that contention is counted as compute, not as sync.
 */
final class WorkerComputeTimer {

    private List<DataSet> batches;

    /** Wall seconds for every worker to fit its share of the batches for {@code settings.epochs()} epochs. */
    double seconds(BenchContext context, MlpSettings settings) throws Exception {
        if (batches == null) {
            batches = context.mnist().trainBatches(settings.batchSize());
        }
        int workers = settings.workers();
        List<List<DataSet>> shares = new ArrayList<>();
        int per = (batches.size() + workers - 1) / workers;
        List<MultiLayerNetwork> nets = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            shares.add(batches.subList(Math.min(batches.size(), w * per), Math.min(batches.size(), (w + 1) * per)));
            nets.add(settings.network());
        }
        Nd4jThreads.set(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                MultiLayerNetwork net = nets.get(w);
                List<DataSet> share = shares.get(w);
                done.add(pool.submit(() -> {
                    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                        for (DataSet batch : share) {
                            net.fit(batch);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }
}
