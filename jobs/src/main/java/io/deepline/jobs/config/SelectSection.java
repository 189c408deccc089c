package io.deepline.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code select:} section: a model-selection curve (course §3.2, Fig. 10). The {@code train} command fits the
 * pipeline once per value of one param on the training rows, measures {@code metric} on the training and on the
 * validation rows ({@code split.validation}), chooses the value with the best validation metric (the first of
 * equals), and refits the pipeline with it on the training and validation rows together; the test rows judge only
 * that final model. The curve goes into the report as {@code model-selection.csv} and {@code model-selection.png}.
 *
 * <pre>
 * select:
 *   param: polynomial.degree   # a model param (l2, hiddenLayers, ...) or polynomial.degree
 *   values: [1, 2, 3, 4, 5]
 *   metric: rmse               # as tune.metric; default f1Macro / rmse
 * </pre>
 * The values stay YAML nodes here, like {@code model.params}: the param converts and judges them.
 *
 * @param param  the param to sweep: a model param, or {@link #POLYNOMIAL_DEGREE} for {@code preprocess.polynomial}'s
 *               degree
 * @param values the values to try, in order (the curve keeps it)
 * @param metric the metric that chooses; null = the model kind's default
 */
public record SelectSection(String param, JsonNode values, String metric) {

    /** The {@code param} that sweeps {@code preprocess.polynomial.degree}. */
    public static final String POLYNOMIAL_DEGREE = "polynomial.degree";

    public SelectSection {
        param = Checks.requiredText("param", param, "param: l2");
        Checks.required("values", values, "values: [0.0, 0.001, 0.01]");
        if (!values.isArray() || values.isEmpty()) {
            throw new JobConfigException("values", "must be a non-empty list of values of " + param,
                    "e.g. values: [1, 2, 3]");
        }
        metric = Checks.optionalText("metric", metric, "metric: f1Macro");
    }

    /** Whether the curve sweeps the polynomial degree rather than a model param. */
    public boolean sweepsDegree() {
        return param.equals(POLYNOMIAL_DEGREE);
    }
}
