package io.deepline.models.seq2seq;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import io.deepline.models.state.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Greedy decoding with a trained sequence-to-sequence graph (inputs source, target; see
 * {@link io.deepline.models.spec.Seq2SeqSpec}): the decoder starts from begin, and at each step the graph runs on
 * the tokens so far and the most probable next token is appended, until every row has produced end or
 * {@code maxOutputLength} tokens. The whole decoder is re-run at every step (O(L²) for L output tokens), which is
 * simple and exact, and fine for short outputs. Rows are independent: each row's tokens depend only on its own
 * source, whatever the batch or its padding.
 */
public final class GreedyDecoder {
    private final Network network;
    private final int maxOutputLength;

    /**
     * @param network         a trained graph with two inputs (source ids, target ids) and a per-step softmax
     * @param maxOutputLength the most tokens to produce per row (end not counted); &gt; 0
     */
    public GreedyDecoder(Network network, int maxOutputLength) {
        if (network == null || !network.isGraph() || network.numInputs() != 2) {
            throw new IllegalArgumentException("GreedyDecoder needs a sequence-to-sequence ComputationGraph with 2 "
                    + "inputs (source ids, target ids), got " + (network == null ? "null"
                    : network.isGraph() ? "a graph with " + network.numInputs() + " inputs" : "a layer stack")
                    + "; build it with Seq2SeqSpec.buildGraph()");
        }
        if (maxOutputLength <= 0) {
            throw new IllegalArgumentException("maxOutputLength is " + maxOutputLength
                    + "; the most tokens to decode per row must be > 0");
        }
        this.network = network;
        this.maxOutputLength = maxOutputLength;
    }

    /**
     * The decoded token ids of each row, without begin and end.
     *
     * @param sources    source ids [batch, 1, T] (as floats, the graph's input)
     * @param sourceMask [batch, T], 1 for real steps and 0 for padding, or null when no row is padded
     */
    public List<int[]> decode(INDArray sources, INDArray sourceMask) {
        checkSources(sources, sourceMask);
        int batch = (int) sources.size(0);
        INDArray[] masks = sourceMask == null ? null : new INDArray[] {sourceMask, null};
        List<List<Integer>> tokens = new ArrayList<>();
        for (int row = 0; row < batch; row++) {
            tokens.add(new ArrayList<>());
        }
        boolean[] finished = new boolean[batch];
        INDArray decoderInput = Nd4j.valueArrayOf(new long[] {batch, 1, 1}, ReservedIds.BEGIN, sources.dataType());
        for (int step = 0; step < maxOutputLength; step++) {
            INDArray probabilities = network.output(new INDArray[] {sources, decoderInput}, masks);
            INDArray next = Nd4j.argMax(probabilities.get(all(), all(), point(step)), 1); // [batch]
            int[] ids = next.toIntVector();
            boolean allFinished = true;
            for (int row = 0; row < batch; row++) {
                if (!finished[row]) {
                    if (ids[row] == ReservedIds.END) {
                        finished[row] = true;
                    } else {
                        tokens.get(row).add(ids[row]);
                    }
                }
                allFinished &= finished[row];
            }
            if (allFinished) {
                break;
            }
            // Finished rows keep being fed their argmax: the decoder is causal, so it cannot change their tokens.
            INDArray column = next.castTo(sources.dataType()).reshape(batch, 1, 1);
            decoderInput = Nd4j.concat(2, decoderInput, column);
        }
        List<int[]> out = new ArrayList<>(batch);
        for (List<Integer> row : tokens) {
            out.add(row.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static void checkSources(INDArray sources, INDArray sourceMask) {
        if (sources == null || sources.rank() != 3 || sources.size(1) != 1 || sources.size(0) == 0) {
            throw new IllegalArgumentException("source ids must be [batch, 1, T] (one id per step, batch > 0), got "
                    + (sources == null ? "null" : Arrays.toString(sources.shape()))
                    + "; reshape the ids to NCW with one channel");
        }
        if (sourceMask != null && (sourceMask.rank() != 2 || sourceMask.size(0) != sources.size(0)
                || sourceMask.size(1) != sources.size(2))) {
            throw new IllegalArgumentException("source mask must be [batch, T] = [" + sources.size(0) + ", "
                    + sources.size(2) + "], got " + Arrays.toString(sourceMask.shape())
                    + "; give 1 for real steps and 0 for padding, or null");
        }
    }
}
