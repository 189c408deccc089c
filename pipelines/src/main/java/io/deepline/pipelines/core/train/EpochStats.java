package io.deepline.pipelines.core.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch of training measured.
 *
 * @param epoch             1-based epoch number
 * @param loss              mean training loss over the epoch's mini-batches (incl. the L2 penalty), as the
 *                          workers saw it before each update
 * @param seconds           wall time of the epoch on the driver (including validation)
 * @param examples          training examples processed (summed over workers)
 * @param examplesPerSecond examples / seconds
 * @param validationLoss    mean loss on the validation rows after the epoch, without the L2 penalty (so it is
 *                          comparable across λ); null when the fit has no validation data
 * @param validationMetric  the stage's validation metric after the epoch (accuracy for classifiers, RMSE for
 *                          regressors; {@link TrainingHistory#validationMetricName()}); null without validation
 * @param gradientNorm      the L2 norm of the epoch's mean mini-batch gradient of the training loss (without the L2
 *                          penalty), each at the params its batch saw; null unless {@code gradientNormStop} or
 *                          {@code gradientDiagnostics} was on
 * @param diagnostics       with {@code gradientDiagnostics}: {@code gradientNorm.<layer>} (the L2 norm of the layer's
 *                          part of that mean gradient) for every layer with params, and {@code deadUnits.<layer>}
 *                          (share of units that output 0 on every row of a probe batch) for every hidden ReLU
 *                          layer; {@code <layer>} is the layer index of a layer stack, the vertex name in a graph
 *                          ({@link LayerDiagnostics}); null when off (and in histories saved before it existed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond,
                         Double validationLoss, Double validationMetric, Double gradientNorm,
                         Map<String, Double> diagnostics) implements Serializable {

    public EpochStats {
        // Keep the layer order (input to output) the diagnostics were computed in; callers cannot change it.
        diagnostics = diagnostics == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** An epoch without per-layer diagnostics. */
    public EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond,
                      Double validationLoss, Double validationMetric, Double gradientNorm) {
        this(epoch, loss, seconds, examples, examplesPerSecond, validationLoss, validationMetric, gradientNorm, null);
    }

    /** An epoch whose gradient norm was not measured. */
    public EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond,
                      Double validationLoss, Double validationMetric) {
        this(epoch, loss, seconds, examples, examplesPerSecond, validationLoss, validationMetric, null);
    }

    /** An epoch without validation. */
    public EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond) {
        this(epoch, loss, seconds, examples, examplesPerSecond, null, null);
    }

    /** Whether the epoch carries per-layer diagnostics. */
    @JsonIgnore
    public boolean hasDiagnostics() {
        return diagnostics != null && !diagnostics.isEmpty();
    }

    @JsonIgnore
    public boolean hasValidation() {
        return validationLoss != null;
    }
}
