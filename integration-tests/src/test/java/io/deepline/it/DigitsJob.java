package io.deepline.it;

/**
 * The digits MLP train job the cluster scenarios submit (data and model on HDFS): the README's example, with two
 * parameter-averaging workers, one per executor.
 */
final class DigitsJob {

    /** The epochs of the default job. */
    static final int EPOCHS = 10;

    /** Reaches ≥ 0.95 test accuracy in seconds on two 1-core executors with 10 epochs. */
    static String params(int epochs, String moreParams) {
        return "{hiddenLayers: [64, 32], activation: relu, maxEpochs: " + epochs + ", batchSize: 32, updater: adam,"
                + " learningRate: 0.005, numWorkers: 2, averagingFrequency: 5, seed: 42" + moreParams + "}";
    }

    private DigitsJob() {
    }

    /** The job on {@code data}, saving to {@code model}, with {@code params} as model.params. */
    static String train(String data, String model, String params) {
        return """
                name: cluster-digits
                data:
                  path: %s
                  format: csv
                  options: {header: "true", inferSchema: "true"}
                  label: label
                split: {train: 0.8, test: 0.2, seed: 42}
                preprocess: {standardize: true}
                model:
                  type: DeepClassifier
                  params: %s
                output: {model: %s}
                """.formatted(data, params, model);
    }

    /** The job with the default params plus {@code moreParams} (", key: value" pairs, or ""). */
    static String train(String data, String model, String moreParams, String extraYaml) {
        return train(data, model, params(EPOCHS, moreParams)) + extraYaml;
    }
}
