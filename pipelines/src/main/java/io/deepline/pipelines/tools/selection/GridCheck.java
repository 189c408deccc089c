package io.deepline.pipelines.tools.selection;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;

/**
 * Checks a param grid before tuning: every Param in it must belong to the estimator or to one of its pipeline
 * stages (nested pipelines included).
 *
 * <p>Why: MLlib's tuning fits {@code estimator.copy(paramMap)}, and {@code copy} keeps only the params the
 * copy owns, so a Param of another instance (say, a grid built from a different {@code DeepClassifier}) is
 * silently ignored and every grid point fits the same model.
 */
public final class GridCheck {
    private GridCheck() {
    }

    public static void requireOwnedParams(Estimator<?> estimator, ParamMap[] grid) {
        if (estimator == null) {
            throw new IllegalArgumentException("no estimator to tune; pass the estimator (or Pipeline) to fit");
        }
        if (grid == null || grid.length == 0) {
            throw new IllegalArgumentException("the param grid is empty; give at least one ParamMap (new"
                    + " ParamGridBuilder().build() gives one empty map, which fits the estimator as it is)");
        }
        List<Params> owners = new ArrayList<>();
        collectOwners(estimator, owners);
        for (ParamMap map : grid) {
            for (ParamPair<?> pair : map.toList()) {
                Param<?> param = pair.param();
                if (owners.stream().noneMatch(o -> o.uid().equals(param.parent()) && o.hasParam(param.name()))) {
                    throw new IllegalArgumentException("the param grid sets '" + param.name() + "' of stage '"
                            + param.parent() + "', but the estimator '" + estimator.uid() + "' ("
                            + estimator.getClass().getSimpleName() + ")" + stagesNote(owners)
                            + " does not own it, so tuning would silently ignore it; build the grid from the"
                            + " estimator's own params, e.g. estimator." + param.name() + "()");
                }
            }
        }
    }

    private static void collectOwners(PipelineStage stage, List<Params> owners) {
        owners.add(stage);
        if (stage instanceof Pipeline pipeline && pipeline.isDefined(pipeline.stages())) {
            for (PipelineStage s : pipeline.getStages()) {
                collectOwners(s, owners);
            }
        }
    }

    private static String stagesNote(List<Params> owners) {
        if (owners.size() == 1) {
            return "";
        }
        List<String> uids = new ArrayList<>();
        for (Params p : owners.subList(1, owners.size())) {
            uids.add(p.uid());
        }
        return " with its stages " + uids;
    }
}
