package io.deepline.pipelines.inference;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.data.VectorFloats;
import io.deepline.pipelines.train.WorkerNetworks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores one partition in batches of {@code batchSize} rows, appending the columns {@link #outputs} derives from
 * each row's network output. Rows stream through: at most one batch is held at a time.
 */
public abstract class BatchScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<NetworkSnapshot> network;
    private final int featuresIndex;
    private final String featuresCol;
    private final int numFeatures;
    private final int batchSize;

    protected BatchScorer(Broadcast<NetworkSnapshot> network, int featuresIndex, String featuresCol, int numFeatures,
                          int batchSize) {
        this.network = network;
        this.featuresIndex = featuresIndex;
        this.featuresCol = featuresCol;
        this.numFeatures = numFeatures;
        this.batchSize = batchSize;
    }

    /** The values to append to a row, in output-schema order, from the network's output for that row. */
    protected abstract List<Object> outputs(float[] networkOutput);

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Network net = WorkerNetworks.acquireForInference("scoring-" + network.id(), network.value());
        return new Iterator<>() {
            private final List<Row> pending = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                return next < pending.size() || rows.hasNext();
            }

            @Override
            public Row next() {
                if (next >= pending.size()) {
                    if (!rows.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    scoreNextBatch(net, rows, pending);
                    next = 0;
                }
                return pending.get(next++);
            }
        };
    }

    private void scoreNextBatch(Network net, Iterator<Row> rows, List<Row> out) {
        List<Row> inputs = new ArrayList<>(batchSize);
        while (rows.hasNext() && inputs.size() < batchSize) {
            inputs.add(rows.next());
        }
        float[] x = new float[inputs.size() * numFeatures];
        for (int i = 0; i < inputs.size(); i++) {
            copyFeatures(inputs.get(i), x, i * numFeatures);
        }
        float[][] y = net.output(Nd4j.create(x, new long[] {inputs.size(), numFeatures}, 'c')).toFloatMatrix();
        out.clear();
        for (int i = 0; i < inputs.size(); i++) {
            Row row = inputs.get(i);
            List<Object> values = new ArrayList<>(row.length() + 3);
            for (int c = 0; c < row.length(); c++) {
                values.add(row.get(c));
            }
            values.addAll(outputs(y[i]));
            out.add(RowFactory.create(values.toArray()));
        }
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
