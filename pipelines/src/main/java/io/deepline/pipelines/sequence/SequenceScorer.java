package io.deepline.pipelines.sequence;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.sequence.PaddedSteps;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.core.inference.RowBatchScorer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores sequences in batches padded to each batch's longest one; the features mask keeps padding out of every
 * prediction, so a row's prediction does not depend on the rows batched with it. The network gives one output
 * per sequence ({@code [rows, nOut]}) or one per step ({@code [rows, nOut, T]}); {@link #outputs} turns a row's
 * outputs, one array per real step (a single one for a per-sequence output), into column values.
 */
abstract class SequenceScorer extends RowBatchScorer {
    private static final long serialVersionUID = 1L;

    private final int featuresIndex;
    private final SequenceReader reader;

    SequenceScorer(Broadcast<NetworkSnapshot> network, int featuresIndex, SequenceReader reader, int batchSize) {
        super(network, batchSize);
        this.featuresIndex = featuresIndex;
        this.reader = reader;
    }

    /** Values to append to a row, in output-schema order, from its outputs (one per step, or one in all). */
    protected abstract List<Object> outputs(float[][] networkOutputs);

    @Override
    protected List<List<Object>> scoreBatch(Network net, List<Row> batch, long firstPosition) {
        int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
        List<float[]> sequences = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            sequences.add(reader.read(batch.get(i).get(featuresIndex), "row " + (firstPosition + i)
                    + " of partition " + partition));
        }
        PaddedSteps padded = PaddedSteps.of(sequences, reader.numFeatures());
        INDArray output = net.output(padded.featuresArray(), padded.maskArray());
        List<List<Object>> values = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            values.add(outputs(rowOutputs(output, i, sequences.get(i).length / reader.numFeatures())));
        }
        return values;
    }

    /** Row {@code i}'s outputs: its row of a 2-d output, or its first {@code length} steps of a 3-d one. */
    static float[][] rowOutputs(INDArray output, int i, int length) {
        if (output.rank() == 2) {
            return new float[][] {output.getRow(i).toFloatVector()};
        }
        int nOut = (int) output.size(1);
        float[][] steps = new float[length][nOut];
        for (int t = 0; t < length; t++) {
            for (int o = 0; o < nOut; o++) {
                steps[t][o] = output.getFloat(i, o, t);
            }
        }
        return steps;
    }
}
