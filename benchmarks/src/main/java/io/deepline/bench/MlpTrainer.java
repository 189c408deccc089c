package io.deepline.bench;

/** One way to train {@link MlpSettings}' network on the MNIST sample: Deepline, plain DL4J, or a peer. */
public interface MlpTrainer {

    String name();

    /** Trains from scratch and returns the fit's wall time (data already in memory; Spark already started). */
    TrainingRun train(BenchContext context, MlpSettings settings) throws Exception;
}
