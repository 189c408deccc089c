package io.deepline.pipelines.train;

/**
 * How the parameter-averaging loop runs.
 *
 * @param stageName          shown in Spark job descriptions and log lines ("DeepClassifier")
 * @param maxEpochs          passes over the data, &gt; 0
 * @param averagingFrequency mini-batches each worker fits between two averages, &gt; 0
 * @param seed               seeds the per-epoch batch order
 */
public record TrainingSettings(String stageName, int maxEpochs, int averagingFrequency, long seed) {
    public TrainingSettings {
        if (maxEpochs <= 0) {
            throw new IllegalArgumentException("maxEpochs must be > 0, got " + maxEpochs);
        }
        if (averagingFrequency <= 0) {
            throw new IllegalArgumentException("averagingFrequency must be > 0, got " + averagingFrequency);
        }
    }
}
