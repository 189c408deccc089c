package io.deepline.bench;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.UpdaterKind;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The issue's training workload: an MLP 784-256-128-10 with ReLU and Adam, batch 64, on the MNIST sample. Every
 * side of a comparison builds its network from the same {@link MlpSpec} (the DL4J configuration DeepClassifier
 * uses), so they differ only in how they train it.
 */
public record MlpSettings(int[] hidden, HiddenActivation activation, int epochs, int batchSize,
                          double learningRate, int workers, int averagingFrequency, long seed, String syncMode) {

    /** Deepline's default path on local[2] with 2 workers (auto resolves to it); set explicitly so it is stated. */
    public static final String COLLECTIVE = "collective";
    /** The one-Spark-job-per-round path, measured alongside as the reference. */
    public static final String JOBS = "jobs";

    /** The issue's: 5 epochs, batch 64, Adam at 1e-3, 2 workers averaging every 5 batches, collective sync mode. */
    public static MlpSettings issueDefaults(int epochs) {
        return new MlpSettings(new int[]{256, 128}, HiddenActivation.RELU, epochs, 64, 1e-3, BenchContext.CORES, 5,
                42, COLLECTIVE);
    }

    /** The same settings in another sync mode. */
    public MlpSettings withSyncMode(String mode) {
        return new MlpSettings(hidden, activation, epochs, batchSize, learningRate, workers, averagingFrequency, seed,
                mode);
    }

    /** Averaging rounds in the fit: per epoch, the larger worker's batches in groups of averagingFrequency. */
    public int rounds(int trainRows) {
        int batchesPerWorker = ceilDiv(ceilDiv(trainRows, workers), batchSize);
        return epochs * ceilDiv(batchesPerWorker, averagingFrequency);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    public MlpSpec spec() {
        return MlpSpec.builder().hiddenLayers(hidden).activation(activation).updater(UpdaterKind.ADAM)
                .learningRate(learningRate).seed(seed).build();
    }

    /** A fresh, initialised network of the spec. */
    public MultiLayerNetwork network() {
        return spec().buildNetwork(MnistData.FEATURES, MnistData.CLASSES);
    }

    /** Multiply-adds of one forward pass per example: the sum of the layers' fan-in × fan-out. */
    public long forwardMultiplyAddsPerExample() {
        long total = 0;
        int in = MnistData.FEATURES;
        for (int h : hidden) {
            total += (long) in * h;
            in = h;
        }
        return total + (long) in * MnistData.CLASSES;
    }
}
