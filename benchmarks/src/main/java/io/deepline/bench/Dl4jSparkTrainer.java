package io.deepline.bench;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The peer Deepline replaces: dl4j-spark 1.0.0-M2's {@code SparkDl4jMultiLayer} with a
 * {@code ParameterAveragingTrainingMaster}, on the same local[2] session (Java serialization, as the other sides).
 *
 * <p>The training RDD follows dl4j-spark's own MNIST example: pre-batched DataSets of {@code batchSize} rows
 * (so {@code rddDataSetNumExamples = batchSize}), built, cached and counted before the clock starts. Training uses
 * the Direct approach (workers read the cached RDD) rather than the default Export (workers read batches written
 * to disk): Export's loader lives in deeplearning4j-core, which the build bans.
 */
public final class Dl4jSparkTrainer implements MlpTrainer {

    /**
     * The master persists its input at this level before counting it; caching at the same level up front makes that
     * a no-op (Spark refuses to change an RDD's level) and keeps the first materialisation out of the timing.
     */
    private static final StorageLevel CACHE_LEVEL = StorageLevel.MEMORY_ONLY_SER();

    private JavaRDD<DataSet> batches;
    private List<INDArray> testBatches;

    @Override
    public String name() {
        return "dl4j-spark, local[2]";
    }

    @Override
    public TrainingRun train(BenchContext context, MlpSettings settings) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(context.spark().sparkContext());
        if (batches == null) {
            batches = sc.parallelize(context.mnist().trainBatches(settings.batchSize()), settings.workers())
                    .persist(CACHE_LEVEL);
            batches.count();
            testBatches = context.mnist().testFeatureBatches(256);
        }
        SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(sc, settings.network(), trainingMaster(settings));
        // Its workers are Spark tasks on one core each: give them one op thread each, as Deepline's tasks take (and
        // as is faster for them too); ND4J keeps one setting per process.
        Nd4jThreads.set(1);
        long start = System.nanoTime();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            sparkNet.fit(batches); // one call is one epoch
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MultiLayerNetwork net = sparkNet.getNetwork();
        return new TrainingRun(seconds, (long) context.mnist().trainRows() * settings.epochs(),
                context.mnist().testAccuracy(LocalDl4jTrainer.predict(net, testBatches)));
    }

    private static ParameterAveragingTrainingMaster trainingMaster(MlpSettings settings) {
        return new ParameterAveragingTrainingMaster.Builder(settings.workers(), settings.batchSize())
                .batchSizePerWorker(settings.batchSize())
                .averagingFrequency(settings.averagingFrequency())
                // Its default is false (despite its Javadoc), which would reset Adam's moments at every average.
                .saveUpdater(true)
                .storageLevel(CACHE_LEVEL)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .rngSeed(settings.seed())
                .build();
    }
}
