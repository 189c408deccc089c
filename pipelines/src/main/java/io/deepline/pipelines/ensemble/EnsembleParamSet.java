package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Params an ensemble estimator and its model share; exposed through {@link HasEnsembleParams}. */
public final class EnsembleParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> voting;
    final Param<String> predictionCol;
    final Param<String> probabilityCol;
    final Param<String> rawPredictionCol;

    public EnsembleParamSet(Params owner) {
        voting = new Param<>(owner, "voting",
                "how a classification ensemble combines its members (course §3.3): hard (the class most members"
                        + " predict; ties go to the lowest class index) or soft (the class of highest summed, i.e."
                        + " mean, member probability; needs probabilistic members); unused by regression ensembles,"
                        + " which average the predictions (default soft)",
                Validators.oneOfIgnoringCase(HasEnsembleParams.HARD, HasEnsembleParams.SOFT));
        predictionCol = new Param<>(owner, "predictionCol",
                "output column of the ensemble's prediction: a class index, or the mean of the members'"
                        + " predictions; empty to skip (default prediction)",
                Validators.of(v -> true));
        probabilityCol = new Param<>(owner, "probabilityCol",
                "output column of the mean of the members' class probabilities, soft voting only; empty to skip"
                        + " (default probability)",
                Validators.of(v -> true));
        rawPredictionCol = new Param<>(owner, "rawPredictionCol",
                "output column of the per-class scores the prediction is the argmax of: vote counts (hard) or"
                        + " summed member probabilities (soft), as MLlib's random forest; empty to skip"
                        + " (default rawPrediction)",
                Validators.of(v -> true));
    }
}
