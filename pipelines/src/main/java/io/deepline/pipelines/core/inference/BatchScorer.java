package io.deepline.pipelines.core.inference;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.models.state.ThreadArrays;
import io.deepline.pipelines.core.data.VectorFloats;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Scores one partition of Vector-feature rows in batches of {@code batchSize}, appending the columns
 * {@link #outputs} derives from each row's network output.
 */
public abstract class BatchScorer extends RowBatchScorer {
    private static final long serialVersionUID = 1L;

    private final int featuresIndex;
    private final String featuresCol;
    private final int numFeatures;

    protected BatchScorer(Broadcast<NetworkSnapshot> network, int featuresIndex, String featuresCol, int numFeatures,
                          int batchSize) {
        super(network, batchSize);
        this.featuresIndex = featuresIndex;
        this.featuresCol = featuresCol;
        this.numFeatures = numFeatures;
    }

    /** The values to append to a row, in output-schema order, from the network's output for that row. */
    protected abstract List<Object> outputs(float[] networkOutput);

    @Override
    protected List<List<Object>> scoreBatch(Network net, List<Row> inputs, long firstPosition) {
        float[] x = new float[inputs.size() * numFeatures];
        for (int i = 0; i < inputs.size(); i++) {
            copyFeatures(inputs.get(i), x, i * numFeatures);
        }
        float[][] y = OutputRows.of(net.output(ThreadArrays.filled("scoring-features", x, inputs.size(), numFeatures)));
        List<List<Object>> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(outputs(y[i]));
        }
        return out;
    }

    private void copyFeatures(Row row, float[] x, int offset) {
        Object value = row.get(featuresIndex);
        if (!(value instanceof Vector v) || v.size() != numFeatures) {
            throw new IllegalArgumentException("the features column '" + featuresCol + "' must hold vectors of size "
                    + numFeatures + " (the size the model was trained on), but a row has "
                    + (value == null ? "null" : "a vector of size " + ((Vector) value).size()));
        }
        VectorFloats.copyInto(v, x, offset);
    }
}
