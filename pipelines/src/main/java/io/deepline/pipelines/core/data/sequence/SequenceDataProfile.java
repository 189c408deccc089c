package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.interop.ScalaCollections;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one pass over (sequence, label) rows found: row count, sequence lengths, step widths, label range, and
 * every kind of bad row ({@link SequenceIssue}) with its count and the first example. Each partition is profiled
 * where it lives and the profiles are merged with {@code treeAggregate} (one Spark job, no rows collected);
 * {@link SequenceDataCheck} turns the result into sizes or a clear error.
 */
public final class SequenceDataProfile implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SequenceInput input;
    private final SequenceLabel label;
    private final int vocabularySize;

    long rows;
    int minLength = Integer.MAX_VALUE;
    int maxLength;
    /** Steps' feature counts: the smallest and largest seen, each with a row that has it. */
    int minWidth = Integer.MAX_VALUE;
    int maxWidth;
    RowExample minWidthRow;
    RowExample maxWidthRow;
    /** The largest finite label (class-index check), with its row, and the smallest. */
    double maxLabel = Double.NEGATIVE_INFINITY;
    double minLabel = Double.POSITIVE_INFINITY;
    RowExample maxLabelRow;
    final EnumMap<SequenceIssue, Long> issueCounts = new EnumMap<>(SequenceIssue.class);
    final EnumMap<SequenceIssue, RowExample> issueExamples = new EnumMap<>(SequenceIssue.class);

    /** Transient per-row state while adding: the row being profiled and its rendering, made only when needed. */
    private transient Object currentFeatures;
    private transient int currentPartition;
    private transient long currentPosition;

    SequenceDataProfile(SequenceInput input, SequenceLabel label, int vocabularySize) {
        this.input = input;
        this.label = label;
        this.vocabularySize = vocabularySize;
    }

    /**
     * Profiles rows whose column 0 is the sequence and column 1 the label, of the kinds checked on the schema by
     * {@link SequenceInput#of} and {@link SequenceLabel#of}.
     *
     * @param vocabularySize the number of token ids for {@link SequenceInput#TOKEN_IDS}, else ignored
     */
    public static SequenceDataProfile of(Dataset<Row> sequenceAndLabel, SequenceInput input, SequenceLabel label,
                                         int vocabularySize) {
        SequenceDataProfile empty = new SequenceDataProfile(input, label, vocabularySize);
        return sequenceAndLabel.javaRDD()
                .mapPartitionsWithIndex((partition, rows) -> profilePartition(partition, rows, input, label,
                        vocabularySize), false)
                .treeAggregate(empty, SequenceDataProfile::merge, SequenceDataProfile::merge);
    }

    private static Iterator<SequenceDataProfile> profilePartition(int partition, Iterator<Row> rows,
                                                                  SequenceInput input, SequenceLabel label,
                                                                  int vocabularySize) {
        SequenceDataProfile p = new SequenceDataProfile(input, label, vocabularySize);
        long position = 0;
        while (rows.hasNext()) {
            p.add(rows.next(), partition, position++);
        }
        return Collections.singletonList(p).iterator();
    }

    void add(Row row, int partition, long position) {
        rows++;
        currentFeatures = row.get(0);
        currentPartition = partition;
        currentPosition = position;
        int length = addFeatures(currentFeatures);
        addLabel(row.get(1), length);
        currentFeatures = null;
    }

    /** Checks the sequence; returns its length, or -1 when it is null. */
    private int addFeatures(Object features) {
        if (features == null) {
            issue(SequenceIssue.NULL_SEQUENCE, "the sequence is null");
            return -1;
        }
        List<Object> steps = ScalaCollections.arrayValue(features);
        int length = steps.size();
        if (length == 0) {
            issue(SequenceIssue.EMPTY_SEQUENCE, "it has no steps");
            return 0;
        }
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
        if (input == SequenceInput.STEP_VECTORS) {
            addStepVectors(steps);
        } else {
            addScalarSteps(steps);
        }
        return length;
    }

    private void addStepVectors(List<Object> steps) {
        int width = -1;
        for (int t = 0; t < steps.size(); t++) {
            Object step = steps.get(t);
            if (step == null) {
                issue(SequenceIssue.NULL_STEP, "step " + t + " is null");
                return;
            }
            List<Object> values = ScalaCollections.arrayValue(step);
            if (values.isEmpty()) {
                issue(SequenceIssue.EMPTY_STEP, "step " + t + " has no values");
                return;
            }
            if (width < 0) {
                width = values.size();
            } else if (values.size() != width) {
                issue(SequenceIssue.RAGGED_STEPS, "step " + t + " has " + values.size() + " feature(s) but step 0 has "
                        + width);
                return;
            }
            for (int f = 0; f < values.size(); f++) {
                if (!checkValue(values.get(f), "step " + t + " feature " + f)) {
                    return;
                }
            }
        }
        if (width < minWidth) {
            minWidth = width;
            minWidthRow = example("its steps have " + width + " feature(s)");
        }
        if (width > maxWidth) {
            maxWidth = width;
            maxWidthRow = example("its steps have " + width + " feature(s)");
        }
    }

    /** Token ids or a univariate series: one number per step. */
    private void addScalarSteps(List<Object> steps) {
        for (int t = 0; t < steps.size(); t++) {
            if (!checkValue(steps.get(t), "step " + t)) {
                return;
            }
        }
        minWidth = 1;
        maxWidth = 1;
    }

    /** Records the first problem of a value; false when the row is bad (one issue per row is enough). */
    private boolean checkValue(Object value, String where) {
        if (value == null) {
            issue(SequenceIssue.NULL_VALUE, where + " is null");
            return false;
        }
        if (input == SequenceInput.TOKEN_IDS) {
            long id = ((Number) value).longValue();
            if (id < 0 || id >= vocabularySize) {
                issue(SequenceIssue.TOKEN_OUT_OF_VOCABULARY, where + " holds id " + id + ", vocabularySize is "
                        + vocabularySize);
                return false;
            }
            return true;
        }
        double x = ((Number) value).doubleValue();
        if (!Double.isFinite(x)) {
            issue(SequenceIssue.NON_FINITE_VALUE, where + " is " + x);
            return false;
        }
        return true;
    }

    /** @param length the sequence's length, or -1 when it is null (per-step lengths cannot be compared then) */
    private void addLabel(Object value, int length) {
        if (value == null) {
            issue(SequenceIssue.NULL_LABEL, "the label is null");
            return;
        }
        if (label == SequenceLabel.PER_SEQUENCE) {
            addLabelValue(((Number) value).doubleValue(), "the label");
            return;
        }
        List<Object> labels = ScalaCollections.arrayValue(value);
        if (length >= 0 && labels.size() != length) {
            issue(SequenceIssue.LABEL_LENGTH_MISMATCH, "it has " + labels.size() + " label(s) for " + length
                    + " step(s)");
            return;
        }
        for (int t = 0; t < labels.size(); t++) {
            Object v = labels.get(t);
            if (v == null) {
                issue(SequenceIssue.NULL_STEP_LABEL, "the label of step " + t + " is null");
                return;
            }
            if (!addLabelValue(((Number) v).doubleValue(), "the label of step " + t)) {
                return;
            }
        }
    }

    private boolean addLabelValue(double y, String what) {
        if (!Double.isFinite(y)) {
            issue(SequenceIssue.NON_FINITE_LABEL, what + " is " + y);
            return false;
        }
        if (y != Math.rint(y)) {
            issue(SequenceIssue.NON_INTEGER_LABEL, what + " is " + y);
        } else if (y < 0) {
            issue(SequenceIssue.NEGATIVE_LABEL, what + " is " + y);
        }
        minLabel = Math.min(minLabel, y);
        if (y > maxLabel) {
            maxLabel = y;
            maxLabelRow = example(what + " is " + y);
        }
        return true;
    }

    private void issue(SequenceIssue kind, String detail) {
        if (issueCounts.merge(kind, 1L, Long::sum) == 1L) {
            issueExamples.put(kind, example(detail));
        }
    }

    private RowExample example(String detail) {
        return new RowExample(currentPartition, currentPosition, RowExample.sample(currentFeatures), detail);
    }

    SequenceDataProfile merge(SequenceDataProfile other) {
        rows += other.rows;
        minLength = Math.min(minLength, other.minLength);
        maxLength = Math.max(maxLength, other.maxLength);
        if (other.minWidth < minWidth) {
            minWidthRow = other.minWidthRow;
        } else if (other.minWidth == minWidth) {
            minWidthRow = RowExample.first(minWidthRow, other.minWidthRow);
        }
        minWidth = Math.min(minWidth, other.minWidth);
        if (other.maxWidth > maxWidth) {
            maxWidthRow = other.maxWidthRow;
        } else if (other.maxWidth == maxWidth) {
            maxWidthRow = RowExample.first(maxWidthRow, other.maxWidthRow);
        }
        maxWidth = Math.max(maxWidth, other.maxWidth);
        minLabel = Math.min(minLabel, other.minLabel);
        if (other.maxLabel > maxLabel) {
            maxLabel = other.maxLabel;
            maxLabelRow = other.maxLabelRow;
        }
        for (Map.Entry<SequenceIssue, Long> e : other.issueCounts.entrySet()) {
            issueCounts.merge(e.getKey(), e.getValue(), Long::sum);
            issueExamples.put(e.getKey(), RowExample.first(issueExamples.get(e.getKey()),
                    other.issueExamples.get(e.getKey())));
        }
        return this;
    }

    public long rows() {
        return rows;
    }

    /** The longest sequence, before any truncation. */
    public int maxLength() {
        return maxLength;
    }

    public int minLength() {
        return minLength;
    }
}
