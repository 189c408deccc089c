package io.deepline.pipelines.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The profile and its checks, without Spark: merge order must not matter, and the sizes come out right. */
class ClassificationDataCheckTest {

    private static LabeledDataProfile profile(Object[]... rows) {
        LabeledDataProfile p = new LabeledDataProfile();
        for (Object[] r : rows) {
            p.add(RowFactory.create(r));
        }
        return p;
    }

    @Test
    void summarisesSizesAndClassCountsAcrossMergedPartitions() {
        LabeledDataProfile a = profile(new Object[] {Vectors.dense(1, 2), 0.0}, new Object[] {Vectors.dense(3, 4), 2.0});
        LabeledDataProfile b = profile(new Object[] {Vectors.sparse(2, new int[] {1}, new double[] {5}), 2.0});
        ClassificationDataCheck.Summary s = ClassificationDataCheck.check(a.merge(b), "f", "y", OptionalInt.empty());
        assertEquals(3, s.rows());
        assertEquals(2, s.numFeatures());
        assertEquals(3, s.numClasses(), "max label + 1, even though class 1 never occurs");
        assertEquals(Map.of(0, 1L, 2, 2L), s.classCounts());
    }

    @Test
    void metadataDeclaresMoreClassesThanSeen() {
        LabeledDataProfile p = profile(new Object[] {Vectors.dense(1), 0.0}, new Object[] {Vectors.dense(2), 1.0});
        assertEquals(5, ClassificationDataCheck.check(p, "f", "y", OptionalInt.of(5)).numClasses());
    }

    @Test
    void firstExampleOfABadLabelSurvivesMerging() {
        LabeledDataProfile clean = profile(new Object[] {Vectors.dense(1), 0.0});
        LabeledDataProfile bad = profile(new Object[] {Vectors.dense(1), 2.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationDataCheck.check(clean.merge(bad), "f", "y", OptionalInt.empty()));
        assertTrue(e.getMessage().contains("2.5") && e.getMessage().contains("'y'"), e.getMessage());
    }

    /** So that a caller can tell the user's data from a fault in the software, through any wrapping. */
    @Test
    void dataProblemsAreInvalidDataExceptions() {
        LabeledDataProfile singleClass = profile(new Object[] {Vectors.dense(1), 0.0},
                new Object[] {Vectors.dense(2), 0.0});
        LabeledDataProfile ragged = profile(new Object[] {Vectors.dense(1), 0.0},
                new Object[] {Vectors.dense(1, 2), 1.0});
        LabeledDataProfile nan = profile(new Object[] {Vectors.dense(Double.NaN), 0.0},
                new Object[] {Vectors.dense(2), 1.0});
        LabeledDataProfile negative = profile(new Object[] {Vectors.dense(1), -1.0},
                new Object[] {Vectors.dense(2), 1.0});

        for (LabeledDataProfile p : new LabeledDataProfile[] {singleClass, ragged, nan, negative, profile()}) {
            assertThrows(InvalidDataException.class, () -> ClassificationDataCheck.check(p, "f", "y",
                    OptionalInt.empty()));
        }
        for (LabeledDataProfile p : new LabeledDataProfile[] {ragged, nan, profile()}) {
            assertThrows(InvalidDataException.class, () -> RegressionDataCheck.check(p, "f", "y", false));
        }
        assertThrows(InvalidDataException.class, () -> RegressionDataCheck.check(negative, "f", "y", true),
                "a Poisson regressor's count labels");
    }

    @Test
    void emptyVectorsAreRejected() {
        LabeledDataProfile p = profile(new Object[] {Vectors.dense(new double[0]), 0.0},
                new Object[] {Vectors.dense(new double[0]), 1.0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationDataCheck.check(p, "f", "y", OptionalInt.empty()));
        assertTrue(e.getMessage().contains("empty vectors"), e.getMessage());
    }
}
