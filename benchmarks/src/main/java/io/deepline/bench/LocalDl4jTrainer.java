package io.deepline.bench;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Plain DL4J in this JVM: {@code MultiLayerNetwork.fit} over the mini-batches, ND4J using both cores (two op
 * threads, ND4J's default on this machine, set explicitly because Deepline's tasks leave one). The batches are built
 * before the clock starts, which favours this side.
 */
public final class LocalDl4jTrainer implements MlpTrainer {

    private List<DataSet> batches;
    private List<INDArray> testBatches;
    private MultiLayerNetwork lastNetwork;

    @Override
    public String name() {
        return "DL4J, one JVM";
    }

    @Override
    public TrainingRun train(BenchContext context, MlpSettings settings) throws Exception {
        if (batches == null) {
            batches = context.mnist().trainBatches(settings.batchSize());
            testBatches = context.mnist().testFeatureBatches(256);
        }
        MultiLayerNetwork net = settings.network();
        Nd4jThreads.set(BenchContext.CORES);
        long start = System.nanoTime();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (DataSet batch : batches) {
                net.fit(batch);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        lastNetwork = net;
        return new TrainingRun(seconds, (long) context.mnist().trainRows() * settings.epochs(),
                context.mnist().testAccuracy(predict(net, testBatches)));
    }

    public MultiLayerNetwork lastNetwork() {
        return lastNetwork;
    }

    static int[] predict(MultiLayerNetwork net, List<INDArray> batches) {
        int rows = batches.stream().mapToInt(b -> (int) b.size(0)).sum();
        int[] out = new int[rows];
        int i = 0;
        for (INDArray batch : batches) {
            INDArray classes = net.output(batch, false).argMax(1);
            for (int r = 0; r < batch.size(0); r++) {
                out[i++] = classes.getInt(r);
            }
        }
        return out;
    }
}
