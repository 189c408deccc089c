package io.deepline.pipelines.classification;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.inference.BatchScorer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;

/** Appends MLlib's classifier columns, in the order of the output schema, to batches of scored rows. */
final class ClassificationScorer extends BatchScorer {
    private static final long serialVersionUID = 1L;

    /** The columns a classifier can append. */
    enum Output { RAW_PREDICTION, PROBABILITY, PREDICTION }

    private final Output[] outputs;
    private final double[] thresholds;

    ClassificationScorer(Broadcast<NetworkSnapshot> network, int featuresIndex, String featuresCol, int numFeatures,
                         int batchSize, Output[] outputs, double[] thresholds) {
        super(network, featuresIndex, featuresCol, numFeatures, batchSize);
        this.outputs = outputs.clone();
        this.thresholds = thresholds == null ? null : thresholds.clone();
    }

    @Override
    protected List<Object> outputs(float[] networkOutput) {
        double[] raw = ClassProbabilities.raw(networkOutput);
        double[] probability = ClassProbabilities.probability(raw);
        List<Object> values = new ArrayList<>(outputs.length);
        for (Output output : outputs) {
            values.add(switch (output) {
                case RAW_PREDICTION -> Vectors.dense(raw);
                case PROBABILITY -> Vectors.dense(probability);
                case PREDICTION -> ClassProbabilities.prediction(raw, probability, thresholds);
            });
        }
        return values;
    }
}
