package io.deepline.jobs.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * Sets the {@code model.params} of a job file on a Spark {@link Params} instance (an estimator). Every key must be a
 * Param of the estimator; every value is converted by the Param's type ({@link ParamValues}) and then judged by the
 * Param's own validator, so the job file accepts exactly what the Java API accepts.
 */
public final class ParamBinder {

    private ParamBinder() {
    }

    /**
     * @param keyPrefix where the params sit in the job file, e.g. {@code model.params}; errors name
     *                  {@code <keyPrefix>.<param>}
     * @throws JobConfigException for an unknown param, a value of the wrong type, or a value the validator rejects
     */
    public static void bind(Params target, Map<String, JsonNode> values, String keyPrefix) {
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            String key = JobConfigException.join(keyPrefix, e.getKey());
            Param<Object> param = settableParam(target, e.getKey(), key);
            Object value = ParamValues.convert(param, e.getValue(), key);
            try {
                target.set(param, value);
            } catch (IllegalArgumentException | ClassCastException rejected) {
                throw new JobConfigException(key, ParamValues.render(e.getValue()) + " is not a valid value",
                        "Expected: " + param.doc());
            }
        }
    }

    /** The Params a job file may set: all of the estimator's, except the column wiring the job owns. */
    public static List<String> settableNames(Params target) {
        return Arrays.stream(target.params()).map(Param::name).filter(n -> !isColumnParam(n)).sorted().toList();
    }

    /**
     * The value {@code node} gives {@code target}'s Param {@code name}, converted and judged by the Param's validator.
     *
     * @throws JobConfigException naming {@code key} for an unknown or column param, or a bad value
     */
    public static Object value(Params target, String name, JsonNode node, String key) {
        Param<Object> param = settableParam(target, name, key);
        Object value = ParamValues.convert(param, node, key);
        if (!Boolean.TRUE.equals(param.isValid().apply(value))) {
            throw new JobConfigException(key, ParamValues.render(node) + " is not a valid value",
                    "Expected: " + param.doc());
        }
        return value;
    }

    /** {@code target}'s Param {@code name}, if a job file may set it. */
    public static Param<Object> settableParam(Params target, String name, String key) {
        if (isColumnParam(name) && target.hasParam(name)) {
            throw new JobConfigException(key, "is a column Param, which the job sets from the data section",
                    "Remove it; name the columns with data.label and data.features");
        }
        if (!target.hasParam(name)) {
            throw new JobConfigException(key, "unknown param '" + name + "' for "
                    + target.getClass().getSimpleName(),
                    Suggestions.fix(name, settableNames(target), "Known params"));
        }
        return target.getParam(name);
    }

    /** Input and output column Params ({@code featuresCol}, {@code inputCols}, ...) wire stages together. */
    private static boolean isColumnParam(String name) {
        return name.endsWith("Col") || name.endsWith("Cols");
    }
}
