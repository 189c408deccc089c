package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.core.interop.ScalaCollections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;

/**
 * Turns one partition of checked (sequence, label) rows into shuffled, padded {@link SequenceBatch}es.
 *
 * <p>Rows are shuffled inside the partition (seeded by seed and partition), as tabular rows are, so a batch does
 * not hold only neighbours from the input file. Each batch is padded to its own longest sequence, not the
 * longest in the data. With {@code sortByLength}, the shuffled rows are cut into windows of
 * {@value #WINDOW_BATCHES} batches and sorted by length inside each window before batching: batches then hold
 * sequences of similar length (less padding, less wasted compute) while staying random across windows.
 */
final class SequenceBatcher implements Function2<Integer, Iterator<Row>, Iterator<SequenceBatch>> {
    private static final long serialVersionUID = 1L;

    /** Batches per length-sorting window: wide enough to group lengths, narrow enough to keep batches random. */
    static final int WINDOW_BATCHES = 8;

    private final SequenceLayout layout;
    private final int batchSize;
    private final long seed;
    private final boolean sortByLength;
    private final SequenceReader reader;

    SequenceBatcher(SequenceLayout layout, int batchSize, long seed, boolean sortByLength) {
        this.layout = layout;
        // The profile has already checked every id against the real vocabulary; here any float-exact id passes.
        this.reader = new SequenceReader(layout.input(), layout.numFeatures(), SequenceInput.MAX_VOCABULARY_SIZE,
                layout.maxSequenceLength(), layout.truncation(), "features");
        this.batchSize = batchSize;
        this.seed = seed;
        this.sortByLength = sortByLength;
    }

    /** One row after truncation: {@code length × numFeatures} inputs and its labels, both step-major. */
    private record Sequence(int length, float[] inputs, float[] labels) {
    }

    @Override
    public Iterator<SequenceBatch> call(Integer partition, Iterator<Row> rows) {
        List<Sequence> sequences = new ArrayList<>();
        while (rows.hasNext()) {
            sequences.add(read(rows.next(), partition, sequences.size()));
        }
        int n = sequences.size();
        int[] order = Shuffles.permutation(n, seed, partition);
        if (sortByLength) {
            sortWindowsByLength(order, sequences);
        }
        List<SequenceBatch> batches = new ArrayList<>((n + batchSize - 1) / batchSize);
        for (int start = 0; start < n; start += batchSize) {
            List<Sequence> members = new ArrayList<>(batchSize);
            for (int i = start; i < Math.min(n, start + batchSize); i++) {
                members.add(sequences.get(order[i]));
            }
            batches.add(pad(members));
        }
        return batches.iterator();
    }

    private void sortWindowsByLength(int[] order, List<Sequence> sequences) {
        int window = batchSize * WINDOW_BATCHES;
        for (int from = 0; from < order.length; from += window) {
            int to = Math.min(order.length, from + window);
            Integer[] part = new Integer[to - from];
            for (int i = from; i < to; i++) {
                part[i - from] = order[i];
            }
            // A stable sort: equal lengths keep their shuffled order.
            Arrays.sort(part, Comparator.comparingInt(k -> sequences.get(k).length()));
            for (int i = from; i < to; i++) {
                order[i] = part[i - from];
            }
        }
    }

    private SequenceBatch pad(List<Sequence> members) {
        int rows = members.size();
        int nOut = layout.target().width();
        boolean perStep = layout.label() == SequenceLabel.PER_STEP;
        List<float[]> inputs = new ArrayList<>(rows);
        for (Sequence s : members) {
            inputs.add(s.inputs());
        }
        PaddedSteps padded = PaddedSteps.of(inputs, layout.numFeatures());
        int length = padded.length();
        float[] labels = new float[rows * nOut * (perStep ? length : 1)];
        for (int b = 0; b < rows; b++) {
            Sequence s = members.get(b);
            if (!perStep) {
                System.arraycopy(s.labels(), 0, labels, b * nOut, nOut);
                continue;
            }
            for (int t = 0; t < s.length(); t++) {
                for (int o = 0; o < nOut; o++) {
                    labels[(b * nOut + o) * length + t] = s.labels()[t * nOut + o];
                }
            }
        }
        return new SequenceBatch(rows, layout.numFeatures(), length, nOut, padded.features(), padded.mask(), labels,
                perStep);
    }

    private Sequence read(Row row, int partition, int position) {
        String where = "row " + position + " of partition " + partition;
        float[] inputs = reader.read(row.get(0), where);
        int total = ScalaCollections.arrayValue(row.get(0)).size();
        int first = reader.firstKept(total);
        int length = inputs.length / layout.numFeatures();
        Object labelValue = row.get(1);
        int nOut = layout.target().width();
        if (layout.label() == SequenceLabel.PER_SEQUENCE) {
            float[] labels = new float[nOut];
            layout.target().encode(number(labelValue, partition, position), labels, 0);
            return new Sequence(length, inputs, labels);
        }
        List<Object> stepLabels = labelValue == null ? null : ScalaCollections.arrayValue(labelValue);
        if (stepLabels == null || stepLabels.size() != total) {
            throw changedAfterCheck(partition, position);
        }
        float[] labels = new float[length * nOut];
        for (int t = 0; t < length; t++) {
            layout.target().encode(number(stepLabels.get(first + t), partition, position), labels, t * nOut);
        }
        return new Sequence(length, inputs, labels);
    }

    private static double number(Object value, int partition, int position) {
        if (value == null) {
            throw changedAfterCheck(partition, position);
        }
        return ((Number) value).doubleValue();
    }

    private static IllegalStateException changedAfterCheck(int partition, int position) {
        // The driver-side profile rejects such rows; seeing one here means the data changed between jobs.
        return new IllegalStateException("row " + position + " of partition " + partition + " has a null, empty or"
                + " wrongly sized sequence or label; the input changed after validation (use a deterministic,"
                + " cached input)");
    }
}
