package io.deepline.pipelines.regression;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.inference.BatchScorer;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;

/** Appends the predicted mean: a double, or a Vector for multi-output models. */
final class RegressionScorer extends BatchScorer {
    private static final long serialVersionUID = 1L;

    private final boolean vector;

    RegressionScorer(Broadcast<NetworkSnapshot> network, int featuresIndex, String featuresCol, int numFeatures,
                     int batchSize, boolean vector) {
        super(network, featuresIndex, featuresCol, numFeatures, batchSize);
        this.vector = vector;
    }

    @Override
    protected List<Object> outputs(float[] networkOutput) {
        return List.of(vector ? Vectors.dense(toDoubles(networkOutput)) : (Object) (double) networkOutput[0]);
    }

    static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
