package io.deepline.pipelines.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

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
 *                          penalty), each at the params its batch saw; null unless {@code gradientNormStop} was on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond,
                         Double validationLoss, Double validationMetric, Double gradientNorm) implements Serializable {

    /** An epoch whose gradient norm was not measured. */
    public EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond,
                      Double validationLoss, Double validationMetric) {
        this(epoch, loss, seconds, examples, examplesPerSecond, validationLoss, validationMetric, null);
    }

    /** An epoch without validation. */
    public EpochStats(int epoch, double loss, double seconds, long examples, double examplesPerSecond) {
        this(epoch, loss, seconds, examples, examplesPerSecond, null, null);
    }

    @JsonIgnore
    public boolean hasValidation() {
        return validationLoss != null;
    }
}
