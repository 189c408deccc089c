package io.deepline.pipelines.regression;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.inference.BatchScorer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;

/**
 * Appends the predicted mean: a double, or a Vector for multi-output models; and for the heteroskedastic Gaussian
 * (network output: mean, log σ) the standard deviation σ when {@code withStd}.
 */
final class RegressionScorer extends BatchScorer {
    private static final long serialVersionUID = 1L;

    private final boolean vector;
    private final boolean withPrediction;
    private final boolean withStd;

    RegressionScorer(Broadcast<NetworkSnapshot> network, int featuresIndex, String featuresCol, int numFeatures,
                     int batchSize, boolean vector, boolean withPrediction, boolean withStd) {
        super(network, featuresIndex, featuresCol, numFeatures, batchSize);
        this.vector = vector;
        this.withPrediction = withPrediction;
        this.withStd = withStd;
    }

    @Override
    protected List<Object> outputs(float[] networkOutput) {
        List<Object> values = new ArrayList<>(2);
        if (withPrediction) {
            values.add(vector ? Vectors.dense(toDoubles(networkOutput)) : (Object) (double) networkOutput[0]);
        }
        if (withStd) {
            values.add(std(networkOutput));
        }
        return values;
    }

    /** σ = exp(log σ), the second unit of a heteroskedastic Gaussian network. */
    static double std(float[] networkOutput) {
        return Math.exp(networkOutput[1]);
    }

    static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
