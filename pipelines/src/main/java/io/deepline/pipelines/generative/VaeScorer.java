package io.deepline.pipelines.generative;

import io.deepline.models.optim.VaeElboStep;
import io.deepline.models.spec.ReconstructionKind;
import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.models.state.ThreadArrays;
import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.core.data.VectorFloats;
import io.deepline.pipelines.core.inference.RowBatchScorer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Appends the latent mean μ(x) (the VAE layer's output) and the reconstruction log-probability, the Monte-Carlo
 * estimate (1/L) Σ_l log p(x | z_l), z_l ~ q(z|x), of DL4J's {@code reconstructionLogProbability}, batch by batch.
 *
 * <p>The draws of z come from ND4J's per-thread RNG, seeded per batch by (seed, partition, first row position), so
 * scoring the same DataFrame twice, or with a loaded copy of the model, writes the same numbers.
 */
final class VaeScorer extends RowBatchScorer {
    private static final long serialVersionUID = 1L;

    private final int featuresIndex;
    private final int numFeatures;
    private final String featuresCol;
    private final ReconstructionKind kind;
    private final int numSamples;
    private final long seed;

    VaeScorer(Broadcast<NetworkSnapshot> network, int batchSize, int featuresIndex, int numFeatures,
              String featuresCol, ReconstructionKind kind, int numSamples, long seed) {
        super(network, batchSize);
        this.featuresIndex = featuresIndex;
        this.numFeatures = numFeatures;
        this.featuresCol = featuresCol;
        this.kind = kind;
        this.numSamples = numSamples;
        this.seed = seed;
    }

    @Override
    protected List<List<Object>> scoreBatch(Network net, List<Row> batch, long firstPosition) {
        float[] x = new float[batch.size() * numFeatures];
        for (int i = 0; i < batch.size(); i++) {
            copyChecked(batch.get(i), firstPosition + i, x, i * numFeatures);
        }
        MultiLayerNetwork mln = net.asMultiLayer();
        INDArray input = ThreadArrays.filled("vae-features", x, batch.size(), numFeatures);
        float[] means = rowMajor(mln.output(input));
        TaskContext task = TaskContext.get();
        Nd4j.getRandom().setSeed(Shuffles.mix(seed, task == null ? 0 : task.partitionId(), firstPosition));
        float[] logProbs = VaeElboStep.vaeOf(mln).reconstructionLogProbability(input, numSamples).dup('c').reshape(batch.size()).toFloatVector();
        int latent = means.length / batch.size();
        List<List<Object>> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            double[] mean = new double[latent];
            for (int j = 0; j < latent; j++) {
                mean[j] = means[i * latent + j];
            }
            out.add(List.of(Vectors.dense(mean), (double) logProbs[i]));
        }
        return out;
    }

    /** The values of a [rows, columns] array, row after row. */
    static float[] rowMajor(INDArray matrix) {
        return matrix.dup('c').reshape(matrix.length()).toFloatVector();
    }

    private void copyChecked(Row row, long position, float[] target, int offset) {
        Vector v = (Vector) row.get(featuresIndex);
        String where = "row " + position + " of partition " + (TaskContext.get() == null ? 0
                : TaskContext.get().partitionId()) + ": the features column '" + featuresCol + "' ";
        if (v == null) {
            throw new IllegalArgumentException(where + "is null; drop or impute such rows before transform");
        }
        if (v.size() != numFeatures) {
            throw new IllegalArgumentException(where + "has " + v.size() + " values but the model was trained on "
                    + numFeatures + "; use the same feature pipeline as for fitting");
        }
        VectorFloats.copyInto(v, target, offset);
        for (int j = 0; j < numFeatures; j++) {
            float value = target[offset + j];
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(where + "has a NaN or infinite value at index " + j
                        + "; impute or drop such rows before transform");
            }
            if (kind == ReconstructionKind.BERNOULLI && (value < 0 || value > 1)) {
                throw new IllegalArgumentException(where + "has " + value + " at index " + j + ", outside the [0, 1] "
                        + "of the bernoulli reconstruction distribution; scale it as for fitting (e.g. MinMaxScaler)");
            }
        }
    }
}
