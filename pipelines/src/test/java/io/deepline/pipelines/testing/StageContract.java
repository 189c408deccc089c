package io.deepline.pipelines.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Assertions every Deepline stage must pass (docs/ARCHITECTURE.md, Invariants), in the spirit of MLlib's
 * {@code MLTestingUtils.checkCopyAndUids} and {@code DefaultReadWriteTest}.
 */
public final class StageContract {
    private StageContract() {
    }

    /** Spark can find, own and document every Param, and reflection entry points exist. */
    public static void assertWellFormedStage(Params stage) {
        Param<?>[] params = stage.params();
        assertTrue(params.length > 0, "a stage without Params");
        for (Param<?> p : params) {
            assertEquals(stage.uid(), p.parent(), "Param " + p.name() + " is owned by another uid");
            assertTrue(stage.hasParam(p.name()), "hasParam(" + p.name() + ")");
            assertFalse(p.doc().isBlank(), "Param " + p.name() + " has no doc string");
        }
        assertReflectionEntryPoints(stage.getClass());
    }

    /** The public (String uid) constructor, static read() and static load(String) that Spark calls. */
    public static void assertReflectionEntryPoints(Class<?> type) {
        try {
            assertTrue(Modifier.isPublic(type.getConstructor(String.class).getModifiers()));
            Method read = type.getMethod("read");
            Method load = type.getMethod("load", String.class);
            assertTrue(Modifier.isStatic(read.getModifiers()) && Modifier.isStatic(load.getModifiers()),
                    "read() and load(String) must be static");
        } catch (NoSuchMethodException e) {
            fail(type.getName() + " lacks a Spark reflection entry point: " + e.getMessage());
        }
    }

    /** Every Param of {@code expected} has the same defined value (arrays by content) in {@code actual}. */
    public static void assertSameParams(Params expected, Params actual) {
        for (Param<?> p : expected.params()) {
            Param<Object> mine = cast(p);
            Param<Object> theirs = cast(actual.getParam(p.name()));
            assertEquals(expected.isDefined(mine), actual.isDefined(theirs), "isDefined differs on " + p.name());
            if (expected.isDefined(mine)) {
                assertEquals(mine.jsonEncode(expected.getOrDefault(mine)), theirs.jsonEncode(actual.getOrDefault(theirs)),
                        "values differ on param " + p.name());
            }
        }
    }

    /**
     * uid and parent survive fitting and copying; a copied estimator is a distinct object with equal Params.
     */
    public static <M extends Model<M>> void assertCopyAndUids(Estimator<M> estimator, M model) {
        assertEquals(estimator.uid(), model.uid(), "model uid must equal its estimator's");
        assertSame(estimator, model.parent(), "model.parent() must be the estimator that fitted it");
        Estimator<M> estimatorCopy = estimator.copy(ParamMap.empty());
        assertNotSame(estimator, estimatorCopy);
        assertEquals(estimator.uid(), estimatorCopy.uid());
        assertSameParams(estimator, estimatorCopy);
        M modelCopy = model.copy(ParamMap.empty());
        assertNotSame(model, modelCopy);
        assertEquals(model.uid(), modelCopy.uid());
        assertSame(model.parent(), modelCopy.parent(), "a copied model keeps its parent");
        assertSameParams(model, modelCopy);
    }

    /**
     * MLlib's transformer contract for a probabilistic classifier, exactly as its {@code testTransformer} checks it
     * (no tolerance): for every row of {@code model.transform(data)}, the single-row {@code predictRaw},
     * {@code predictProbability} and {@code predict} on its features give its rawPrediction, probability and
     * prediction.
     */
    @SuppressWarnings("unchecked")
    public static <F, M extends ProbabilisticClassificationModel<F, M>> void assertSingleRowEqualsTransform(
            M model, Dataset<?> data) {
        List<Row> rows = model.transform(data).select(model.getFeaturesCol(), model.getRawPredictionCol(),
                model.getProbabilityCol(), model.getPredictionCol()).collectAsList();
        assertFalse(rows.isEmpty(), "no rows to compare");
        for (Row row : rows) {
            F features = (F) row.get(0);
            assertArrayEquals(((Vector) row.get(1)).toArray(), model.predictRaw(features).toArray(), "rawPrediction");
            assertArrayEquals(((Vector) row.get(2)).toArray(), model.predictProbability(features).toArray(),
                    "probability");
            assertEquals(row.getDouble(3), model.predict(features), "prediction");
        }
    }

    /** Loads a stage from a path; lets the contract call each class's static load. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(String path);
    }

    /**
     * Saves, checks that a second plain save fails, overwrites, loads, and compares uid and Params.
     * Returns the loaded stage for stage-specific checks.
     */
    public static <T extends Params & MLWritable> T assertSaveAndLoad(T stage, Path dir, Loader<T> loader)
            throws IOException {
        String path = dir.resolve(stage.getClass().getSimpleName() + "-" + stage.uid()).toString();
        stage.save(path);
        assertThrows(IOException.class, () -> stage.save(path), "a second save without overwrite() must fail");
        stage.write().overwrite().save(path);
        T loaded = loader.load(path);
        assertNotNull(loaded);
        assertEquals(stage.getClass(), loaded.getClass());
        assertEquals(stage.uid(), loaded.uid());
        assertSameParams(stage, loaded);
        return loaded;
    }

    /** Element-wise equality of two vectors' values within {@code tolerance}. */
    /** Runs {@code action}, expects a {@code type}, and checks its message contains every one of {@code parts}. */
    public static <T extends Throwable> T assertFailsNaming(Class<T> type, org.junit.jupiter.api.function.Executable action,
                                                            String... parts) {
        T e = org.junit.jupiter.api.Assertions.assertThrows(type, action);
        for (String part : parts) {
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage() != null && e.getMessage().contains(part),
                    "the message should name '" + part + "': " + e.getMessage());
        }
        return e;
    }

    public static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": lengths differ");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tolerance) {
                assertArrayEquals(expected, actual, tolerance, what + " differs at " + i);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Param<Object> cast(Param<?> p) {
        return (Param<Object>) Objects.requireNonNull(p);
    }
}
