package io.deepline.bench;

import io.deepline.models.state.Network;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import io.deepline.pipelines.core.data.sequence.SequenceBatches;
import io.deepline.pipelines.core.data.sequence.SequenceDataCheck;
import io.deepline.pipelines.core.data.sequence.SequenceDataProfile;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.data.sequence.SequenceLayout;
import io.deepline.pipelines.core.data.sequence.Truncation;
import io.deepline.pipelines.sequence.SequenceClassificationModelBase;
import io.deepline.pipelines.sequence.SequenceClassifier;
import io.deepline.pipelines.sequence.TransformerClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Issue 22: the README's two sequence models on the spam sample ({@link SpamData}), with the example job files'
 * params (conf/examples/spam-lstm.yaml and spam-transformer.yaml) but 2 epochs: Deepline (local[2], 2 workers,
 * syncMode collective) against plain DL4J in this JVM (2 threads) fitting the same network on the same padded,
 * masked batches. The DL4J side's batches are built by Deepline's own batcher and turned into DataSets before its
 * clock starts, which favours it; its network is built from the configuration of the model Deepline fitted (fresh
 * params from the same seed).
 */
public final class SequenceComparison implements Benchmark {

    private static final int EPOCHS = 2;

    /** One of the two models: its figure key, its name, and its estimator for a vocabulary. */
    private record Case(String key, String name, int maxSequenceLength,
                        BiFunction<Integer, Integer, Estimator<? extends Model<?>>> estimator) {
    }

    @Override
    public String id() {
        return "sequence";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        SpamData spam = SpamData.read(context.spark(), context.root());
        List<Figure> figures = new ArrayList<>();
        for (Case c : List.of(
                new Case("overheadVsLocalDl4jLstm", "LSTM SequenceClassifier (embedding 32, hidden 32, max pooling,"
                        + " first 150 words, batch 32, Adam 0.005, averaging every 2 batches)", 150,
                        (vocabulary, epochs) -> new SequenceClassifier().setFeaturesCol(SpamData.IDS).setVocabularySize(vocabulary)
                                .setCell("lstm").setEmbeddingSize(32).setHiddenSize(32).setPooling("max")
                                .setMaxSequenceLength(150).setTruncate("head").setBatchSize(32).setUpdater("adam")
                                .setLearningRate(0.005).setNumWorkers(BenchContext.CORES).setAveragingFrequency(2)
                                .setSeed(42).setMaxEpochs(epochs).setSyncMode(MlpSettings.COLLECTIVE)),
                new Case("overheadVsLocalDl4jTransformer", "TransformerClassifier (modelDim 32, 4 heads, ffDim 64,"
                        + " 1 layer, dropout 0.1, mean pooling, first 100 words, batch 32, Adam 0.003, averaging every"
                        + " 4 batches)", 100,
                        (vocabulary, epochs) -> new TransformerClassifier().setFeaturesCol(SpamData.IDS)
                                .setVocabularySize(vocabulary).setModelDim(32).setNumHeads(4).setFfDim(64)
                                .setNumLayers(1).setDropout(0.1).setPreNorm(false).setPooling("mean")
                                .setMaxSequenceLength(100).setTruncate("head").setBatchSize(32).setUpdater("adam")
                                .setLearningRate(0.003).setNumWorkers(BenchContext.CORES).setAveragingFrequency(4)
                                .setSeed(42).setMaxEpochs(epochs).setSyncMode(MlpSettings.COLLECTIVE)))) {
            figures.addAll(compare(context, spam, c));
        }
        return figures;
    }

    private static List<Figure> compare(BenchContext context, SpamData spam, Case c) throws Exception {
        Estimator<? extends Model<?>> estimator = c.estimator().apply(spam.vocabularySize(), EPOCHS);
        // Untimed, one epoch: JIT, and the network configuration for the DL4J side.
        context.awaitNoRunningTasks();
        String configuration = fittedNetworkJson(c.estimator().apply(spam.vocabularySize(), 1).fit(spam.train()));
        List<DataSet> batches = batches(context, spam.train(), spam.vocabularySize(), c.maxSequenceLength(),
                BenchContext.CORES);
        List<DataSet> testBatches = batches(context, spam.test(), spam.vocabularySize(), c.maxSequenceLength(), 1);
        fitPlain(configuration, batches, 1);

        int runs = context.runs();
        double[] ours = new double[runs];
        double[] theirs = new double[runs];
        double[] ratio = new double[runs];
        double[] oursAccuracy = new double[runs];
        double[] theirAccuracy = new double[runs];
        for (int r = 0; r < runs; r++) {
            context.awaitNoRunningTasks();
            long start = System.nanoTime();
            Model<?> model = estimator.fit(spam.train());
            ours[r] = (System.nanoTime() - start) / 1e9;
            oursAccuracy[r] = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                    .evaluate(model.transform(spam.test()));
            start = System.nanoTime();
            Network net = fitPlain(configuration, batches, EPOCHS);
            theirs[r] = (System.nanoTime() - start) / 1e9;
            theirAccuracy[r] = accuracy(net, testBatches);
            ratio[r] = ours[r] / theirs[r];
            System.err.printf(Locale.ROOT, "  %s: Deepline %.2f s (accuracy %.4f), DL4J %.2f s (accuracy %.4f)%n",
                    c.key(), ours[r], oursAccuracy[r], theirs[r], theirAccuracy[r]);
        }
        String workload = c.name() + ", spam_sample (" + spam.train().count() + " training rows), " + EPOCHS
                + " epochs";
        return List.of(
                Figure.of(c.key(), "Deepline (local[2], 2 workers, syncMode collective) fit time / plain DL4J (one"
                        + " JVM, 2 threads, the same network on the same padded batches) time; " + workload,
                        "ratio", Stats.of(ratio)).withTarget(Target.atMost(1.0))
                        .withDetails(Map.of("Deepline s", Figure.format(Stats.of(ours).median()),
                                "DL4J s", Figure.format(Stats.of(theirs).median()),
                                "Deepline accuracy", Figure.format(Stats.of(oursAccuracy).median()),
                                "DL4J accuracy", Figure.format(Stats.of(theirAccuracy).median()))),
                Figure.of(c.key() + "DeeplineSeconds", "Deepline fit wall time (its data check and batching"
                        + " included), " + workload, "s", Stats.of(ours)),
                Figure.of(c.key() + "Dl4jSeconds", "plain DL4J fit wall time (batches built beforehand)", "s",
                        Stats.of(theirs)));
    }

    /** The fitted network's configuration. */
    private static String fittedNetworkJson(Model<?> model) {
        return ((SequenceClassificationModelBase<?>) model).fittedNetwork().snapshot().configurationJson();
    }

    /** Plain DL4J: a fresh network of that configuration fitted on every batch, epoch after epoch. */
    private static Network fitPlain(String configuration, List<DataSet> batches, int epochs) {
        Network net = Network.fromJson(configuration);
        Nd4jThreads.set(BenchContext.CORES);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (DataSet batch : batches) {
                net.fit(batch);
            }
        }
        return net;
    }

    /**
     * Deepline's padded, masked batches of {@code rows} (its batcher, as the fit builds them for {@code workers}
     * workers), as DL4J DataSets on the driver.
     */
    private static List<DataSet> batches(BenchContext context, Dataset<Row> rows, int vocabulary, int maxLength,
                                         int workers) {
        SequenceInput input = SequenceInput.of(rows.schema(), SpamData.IDS, vocabulary);
        SequenceDataProfile profile = SequenceDataProfile.of(rows, input, SequenceLabel.PER_SEQUENCE, vocabulary);
        SequenceDataCheck.Summary summary = SequenceDataCheck.forClassification(profile, SpamData.IDS, "label",
                OptionalInt.of(2));
        SequenceLayout layout = new SequenceLayout(input, SequenceLabel.PER_SEQUENCE, summary.numFeatures(),
                summary.target(), maxLength, Truncation.HEAD);
        JavaRDD<SequenceBatch> rdd = SequenceBatches.build(rows, workers, 32, layout, 42);
        List<DataSet> out = new ArrayList<>();
        try {
            for (SequenceBatch batch : rdd.collect()) {
                out.add(batch.toDataSet());
            }
        } finally {
            rdd.unpersist(false);
        }
        return out;
    }

    private static double accuracy(Network net, List<DataSet> batches) {
        long right = 0;
        long rows = 0;
        for (DataSet batch : batches) {
            INDArray predicted = net.output(batch.getFeatures(), batch.getFeaturesMaskArray()).argMax(1);
            INDArray actual = batch.getLabels().argMax(1);
            for (int i = 0; i < predicted.length(); i++) {
                right += predicted.getInt(i) == actual.getInt(i) ? 1 : 0;
            }
            rows += predicted.length();
        }
        return right / (double) rows;
    }
}
