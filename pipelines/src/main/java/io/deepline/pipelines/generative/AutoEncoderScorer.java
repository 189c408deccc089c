package io.deepline.pipelines.generative;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.models.state.ThreadArrays;
import io.deepline.pipelines.core.data.VectorFloats;
import io.deepline.pipelines.core.inference.OutputRows;
import io.deepline.pipelines.core.inference.RowBatchScorer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Encodes and reconstructs one partition in batches with one forward pass per batch: the code is the activation
 * of the code layer, the reconstruction x̂ that of the output layer, and the error (1/D)·Σ_j (x_j − x̂_j)².
 */
final class AutoEncoderScorer extends RowBatchScorer {
    private static final long serialVersionUID = 1L;

    private final int featuresIndex;
    private final String featuresCol;
    private final int numFeatures;
    private final int codeLayerIndex;
    private final boolean writeCode;
    private final boolean writeError;

    AutoEncoderScorer(Broadcast<NetworkSnapshot> network, int batchSize, int featuresIndex, String featuresCol,
                      int numFeatures, int codeLayerIndex, boolean writeCode, boolean writeError) {
        super(network, batchSize);
        this.featuresIndex = featuresIndex;
        this.featuresCol = featuresCol;
        this.numFeatures = numFeatures;
        this.codeLayerIndex = codeLayerIndex;
        this.writeCode = writeCode;
        this.writeError = writeError;
    }

    @Override
    protected List<List<Object>> scoreBatch(Network net, List<Row> batch, long firstPosition) {
        float[] x = new float[batch.size() * numFeatures];
        for (int i = 0; i < batch.size(); i++) {
            copyFeatures(batch.get(i), x, i * numFeatures, firstPosition + i);
        }
        // feedForward returns the input, then every layer's activations (inference mode: no dropout).
        List<INDArray> activations = net.asMultiLayer()
                .feedForward(ThreadArrays.filled("autoencoder-features", x, batch.size(), numFeatures), false);
        float[][] code = OutputRows.of(activations.get(codeLayerIndex + 1));
        float[][] reconstruction = OutputRows.of(activations.get(activations.size() - 1));
        List<List<Object>> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<Object> values = new ArrayList<>(2);
            if (writeCode) {
                values.add(toVector(code[i]));
            }
            if (writeError) {
                values.add(meanSquaredError(x, i * numFeatures, reconstruction[i]));
            }
            out.add(values);
        }
        return out;
    }

    static double meanSquaredError(float[] x, int offset, float[] reconstruction) {
        double sum = 0;
        for (int j = 0; j < reconstruction.length; j++) {
            double e = (double) x[offset + j] - reconstruction[j];
            sum += e * e;
        }
        return sum / reconstruction.length;
    }

    private static Vector toVector(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return Vectors.dense(d);
    }

    private void copyFeatures(Row row, float[] x, int offset, long position) {
        Object value = row.get(featuresIndex);
        if (!(value instanceof Vector v) || v.size() != numFeatures) {
            throw new IllegalArgumentException("the features column '" + featuresCol + "' must hold vectors of size "
                    + numFeatures + " (the size the autoencoder was trained on), but row " + position
                    + " of its partition has " + (value == null ? "null" : "a vector of size " + ((Vector) value).size()));
        }
        VectorFloats.copyInto(v, x, offset);
    }
}
