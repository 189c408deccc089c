package io.deepline.pipelines.core.inference;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.device.WorkerNetworks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition in batches of {@code batchSize} rows with the broadcast network (one per task thread),
 * appending the values {@link #scoreBatch} gives each row. Rows stream through: at most one batch is held at a
 * time. Subclasses turn rows into network input (vectors, padded sequences) and outputs into columns.
 */
public abstract class RowBatchScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<NetworkSnapshot> network;
    private final int batchSize;

    protected RowBatchScorer(Broadcast<NetworkSnapshot> network, int batchSize) {
        this.network = network;
        this.batchSize = batchSize;
    }

    /**
     * The values to append to each row of {@code batch}, in output-schema order.
     *
     * @param firstPosition the 0-based position of the batch's first row within the partition, for error messages
     */
    protected abstract List<List<Object>> scoreBatch(Network net, List<Row> batch, long firstPosition);

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Network net = WorkerNetworks.acquireForInference("scoring-" + network.id(), network.value());
        return new Iterator<>() {
            private final List<Row> pending = new ArrayList<>();
            private int next;
            private long position;

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
                    position += scoreNextBatch(net, rows, pending, position);
                    next = 0;
                }
                return pending.get(next++);
            }
        };
    }

    private int scoreNextBatch(Network net, Iterator<Row> rows, List<Row> out, long position) {
        List<Row> inputs = new ArrayList<>(batchSize);
        while (rows.hasNext() && inputs.size() < batchSize) {
            inputs.add(rows.next());
        }
        List<List<Object>> scored = scoreBatch(net, inputs, position);
        out.clear();
        for (int i = 0; i < inputs.size(); i++) {
            Row row = inputs.get(i);
            List<Object> values = new ArrayList<>(row.length() + scored.get(i).size());
            for (int c = 0; c < row.length(); c++) {
                values.add(row.get(c));
            }
            values.addAll(scored.get(i));
            out.add(RowFactory.create(values.toArray()));
        }
        return inputs.size();
    }
}
