package io.deepline.pipelines.core.data.sequence;

import static io.deepline.pipelines.core.data.sequence.SequenceFrames.SERIES;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.STEP_VECTORS;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.TOKENS;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.batches;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.frame;
import static io.deepline.pipelines.core.data.sequence.SequenceFrames.steps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Ragged sequences become NCW batches padded to their own longest sequence, with masks and aligned labels. */
@ExtendWith(SparkSessionExtension.class)
class SequenceBatchesTest {

    /** Sequence id → length; ids 1..3 are the hand-made ragged batch. */
    private static final Map<Integer, Integer> RAGGED = Map.of(1, 3, 2, 1, 3, 2);

    private static double stepClass(int id, int t) {
        return (id + t) % 3;
    }

    private static List<Object[]> raggedRows(boolean perStepLabels) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : new TreeMap<>(RAGGED).entrySet()) {
            int id = e.getKey();
            List<Double> labels = new ArrayList<>();
            for (int t = 0; t < e.getValue(); t++) {
                labels.add(stepClass(id, t));
            }
            rows.add(new Object[] {steps(id, e.getValue(), 2), perStepLabels ? labels : (Object) (id * 0.5)});
        }
        return rows;
    }

    @Test
    void threeRaggedSequencesArePaddedWithMasksAndOneHotStepLabels(SparkSession spark) {
        List<SequenceBatch> out = batches(frame(spark, STEP_VECTORS, SERIES, raggedRows(true)), 0,
                OptionalInt.of(3), 1, 3);
        assertEquals(1, out.size());
        SequenceBatch batch = out.get(0);
        DataSet ds = batch.toDataSet();
        assertArrayEquals(new long[] {3, 2, 3}, ds.getFeatures().shape(), "NCW [batch, nIn, T]");
        assertArrayEquals(new long[] {3, 3}, ds.getFeaturesMaskArray().shape());
        assertArrayEquals(new long[] {3, 3, 3}, ds.getLabels().shape(), "[batch, nOut, T]");
        assertArrayEquals(new long[] {3, 3}, ds.getLabelsMaskArray().shape());
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < 3; r++) {
            int id = (int) (ds.getFeatures().getDouble(r, 0, 0) / 100);
            int length = RAGGED.get(id);
            seen.add(id);
            assertEquals(length, batch.length(r));
            for (int t = 0; t < 3; t++) {
                boolean real = t < length;
                for (int f = 0; f < 2; f++) {
                    assertEquals(real ? id * 100.0 + t * 10 + f : 0.0, ds.getFeatures().getDouble(r, f, t), 0.0,
                            "id " + id + " feature " + f + " step " + t);
                }
                assertEquals(real ? 1.0 : 0.0, ds.getFeaturesMaskArray().getDouble(r, t), 0.0);
                assertEquals(real ? 1.0 : 0.0, ds.getLabelsMaskArray().getDouble(r, t), 0.0);
                for (int o = 0; o < 3; o++) {
                    double expected = real && o == stepClass(id, t) ? 1.0 : 0.0;
                    assertEquals(expected, ds.getLabels().getDouble(r, o, t), 0.0, "id " + id + " class " + o + " step " + t);
                }
            }
        }
        assertEquals(RAGGED.keySet(), seen);
    }

    @Test
    void manyToOneLabelsAreOnePerSequenceWithoutLabelsMask(SparkSession spark) {
        List<SequenceBatch> out = batches(frame(spark, STEP_VECTORS, DataTypes.DoubleType, raggedRows(false)), 0,
                null, 1, 3);
        DataSet ds = out.get(0).toDataSet();
        assertArrayEquals(new long[] {3, 1}, ds.getLabels().shape());
        assertNull(ds.getLabelsMaskArray(), "many-to-one labels need no mask");
        assertArrayEquals(new long[] {3, 3}, ds.getFeaturesMaskArray().shape());
        for (int r = 0; r < 3; r++) {
            int id = (int) (ds.getFeatures().getDouble(r, 0, 0) / 100);
            assertEquals(id * 0.5, ds.getLabels().getDouble(r, 0), 1e-7);
            assertEquals(RAGGED.get(id).doubleValue(), ds.getFeaturesMaskArray().getRow(r).sumNumber().doubleValue());
        }
    }

    @Test
    void eachBatchIsPaddedToItsOwnLongestSequence(SparkSession spark) {
        int[] lengths = {1, 1, 2, 2, 1, 9, 3};
        List<Object[]> rows = new ArrayList<>();
        for (int id = 0; id < lengths.length; id++) {
            rows.add(new Object[] {steps(id, lengths[id], 1), (double) id});
        }
        List<SequenceBatch> out = batches(frame(spark, STEP_VECTORS, DataTypes.DoubleType, rows), 0, null, 1, 2);
        int total = 0;
        boolean shorterThanGlobal = false;
        for (SequenceBatch b : out) {
            INDArray x = b.toDataSet().getFeatures();
            int longest = 0;
            for (int r = 0; r < b.rows(); r++) {
                int id = (int) (x.getDouble(r, 0, 0) / 100);
                assertEquals(lengths[id], b.length(r));
                longest = Math.max(longest, lengths[id]);
            }
            assertEquals(longest, b.length(), "T is the batch's longest sequence");
            shorterThanGlobal |= b.length() < 9;
            total += b.rows();
        }
        assertEquals(lengths.length, total);
        assertTrue(shorterThanGlobal, "batches without the 9-step sequence are not padded to 9");
    }

    @ParameterizedTest
    @EnumSource(Truncation.class)
    void truncationKeepsHeadOrTailOfStepsAndTheirLabels(Truncation truncation, SparkSession spark) {
        List<Object[]> rows = new ArrayList<>();
        int[] lengths = {5, 2};
        for (int id = 1; id <= 2; id++) {
            List<Double> series = new ArrayList<>();
            List<Double> labels = new ArrayList<>();
            for (int t = 0; t < lengths[id - 1]; t++) {
                series.add(id * 100.0 + t * 10);
                labels.add(id + t / 10.0);
            }
            rows.add(new Object[] {series, labels});
        }
        List<SequenceBatch> out = batches(frame(spark, SERIES, SERIES, rows), 0, null, 1, 2, 3, truncation, false);
        SequenceBatch batch = out.get(0);
        assertEquals(3, batch.length(), "cut to maxSequenceLength");
        DataSet ds = batch.toDataSet();
        assertArrayEquals(new long[] {2, 1, 3}, ds.getFeatures().shape());
        for (int r = 0; r < 2; r++) {
            int id = (int) (ds.getFeatures().getDouble(r, 0, 0) / 100);
            int length = lengths[id - 1];
            int first = truncation == Truncation.TAIL ? Math.max(0, length - 3) : 0;
            assertEquals(Math.min(3, length), batch.length(r));
            for (int k = 0; k < batch.length(r); k++) {
                int t = first + k;
                assertEquals(id * 100.0 + t * 10, ds.getFeatures().getDouble(r, 0, k), 0.0, truncation + " step " + t);
                assertEquals(id + t / 10.0, ds.getLabels().getDouble(r, 0, k), 1e-6, truncation + " label " + t);
            }
        }
    }

    @Test
    void tokenIdsBecomeOneFloatInputPerStep(SparkSession spark) {
        List<List<Integer>> sequences = List.of(List.of(1, 2, 3), List.of(6), List.of(0, 5));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            rows.add(new Object[] {sequences.get(i), (double) (i % 2)});
        }
        for (var type : List.of(TOKENS, DataTypes.createArrayType(DataTypes.LongType))) {
            List<Object[]> typed = new ArrayList<>();
            for (Object[] r : rows) {
                @SuppressWarnings("unchecked")
                List<Integer> ids = (List<Integer>) r[0];
                typed.add(new Object[] {type == TOKENS ? ids : ids.stream().map(Integer::longValue).toList(), r[1]});
            }
            SequenceBatch batch = batches(frame(spark, type, DataTypes.DoubleType, typed), 7, OptionalInt.empty(), 1, 3)
                    .get(0);
            DataSet ds = batch.toDataSet();
            assertArrayEquals(new long[] {3, 1, 3}, ds.getFeatures().shape(), "[batch, 1, T] for embeddings");
            assertArrayEquals(new long[] {3, 2}, ds.getLabels().shape(), "one-hot of 2 classes");
            Set<List<Integer>> seen = new HashSet<>();
            for (int r = 0; r < 3; r++) {
                List<Integer> ids = new ArrayList<>();
                for (int t = 0; t < batch.length(r); t++) {
                    ids.add((int) ds.getFeatures().getDouble(r, 0, t));
                }
                assertTrue(sequences.contains(ids), "ids " + ids + " (" + type.catalogString() + ")");
                assertEquals(sequences.indexOf(ids) % 2, (int) ds.getLabels().getDouble(r, 1));
                seen.add(ids);
            }
            assertEquals(3, seen.size());
        }
    }

    @Test
    void sortingByLengthPadsLessAndKeepsEveryRowOnce(SparkSession spark) {
        Random random = new Random(3);
        List<Object[]> rows = new ArrayList<>();
        for (int id = 0; id < 96; id++) {
            rows.add(new Object[] {steps(id, 1 + random.nextInt(20), 1), (double) id});
        }
        var frame = frame(spark, STEP_VECTORS, DataTypes.DoubleType, rows);
        long[] padded = new long[2];
        for (int sorted = 0; sorted < 2; sorted++) {
            List<SequenceBatch> out = batches(frame, 0, null, 2, 4, 0, Truncation.HEAD, sorted == 1);
            Set<Integer> ids = new HashSet<>();
            for (SequenceBatch b : out) {
                DataSet ds = b.toDataSet();
                for (int r = 0; r < b.rows(); r++) {
                    assertTrue(ids.add((int) ds.getLabels().getDouble(r, 0)), "row twice");
                    padded[sorted] += b.length() - b.length(r);
                }
            }
            assertEquals(96, ids.size());
        }
        assertTrue(padded[1] < padded[0] / 2, "padded steps sorted " + padded[1] + " vs shuffled " + padded[0]);
        assertFalse(padded[1] < 0);
    }
}
