package io.deepline.pipelines.tools.selection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.sql.Dataset;

/**
 * Fits a pipeline's leading stages that no grid point changes (a VectorAssembler and a StandardScaler, say) once
 * per fold instead of once per candidate and fold, and every candidate's remaining stages on top of that fit.
 *
 * <p>Why the result is the same: {@code Pipeline.fit} fits its stages in order, each on the data the stages before
 * it have transformed. A leading stage that no grid point touches sees the same fold rows for every candidate, so
 * it fits to the same model; the remaining stages are then fitted as {@code Pipeline.fit} would, on the same
 * transformed rows, and the resulting {@code PipelineModel} has the same stages in the same order. The saving is the
 * prefix's Spark jobs (a StandardScaler's summary pass) for every candidate but the first of each fold.
 *
 * <p>Only fold fits share: the final refit on all the rows is a single fit. Thread-safe: with MLlib's
 * {@code parallelism} the candidates of one fold may ask at once; the first fits the prefix, the others wait.
 */
final class FoldPrefixes {
    /** Leading stages that no grid point sets; 0 when nothing can be shared (not a pipeline, or none). */
    private final int shared;
    private final Map<Dataset<?>, Holder> byFold = new IdentityHashMap<>();

    private FoldPrefixes(int shared) {
        this.shared = shared;
    }

    static FoldPrefixes of(Estimator<?> estimator, ParamMap[] grid) {
        return new FoldPrefixes(sharedStages(estimator, grid));
    }

    /**
     * How many leading stages of {@code estimator} no grid point sets, if it is a pipeline with an estimator among
     * them (else 0: nothing worth sharing). A grid that sets the pipeline's own params shares nothing.
     */
    static int sharedStages(Estimator<?> estimator, ParamMap[] grid) {
        if (!(estimator instanceof Pipeline pipeline) || !pipeline.isDefined(pipeline.stages())) {
            return 0;
        }
        Set<String> tuned = new HashSet<>();
        for (ParamMap map : grid) {
            for (ParamPair<?> pair : map.toList()) {
                tuned.add(pair.param().parent());
            }
        }
        if (tuned.contains(pipeline.uid())) {
            return 0;
        }
        PipelineStage[] stages = pipeline.getStages();
        int shared = 0;
        // A nested pipeline ends the prefix: its inner stages' params carry the inner uids.
        while (shared < stages.length && !tuned.contains(stages[shared].uid())
                && !(stages[shared] instanceof Pipeline)) {
            shared++;
        }
        // The last stage (the model) is always fitted per candidate: a grid of one point may leave it untouched.
        shared = Math.min(shared, stages.length - 1);
        boolean anyEstimator = Arrays.stream(stages, 0, Math.max(shared, 0)).anyMatch(s -> s instanceof Estimator);
        return anyEstimator ? shared : 0;
    }

    /**
     * {@code candidate.fit(fold)}, with the shared leading stages fitted once per {@code fold} (identity: MLlib
     * hands every candidate of a fold the same DataFrame).
     *
     * @param candidate the wrapped pipeline's copy with the candidate's params (a {@link Pipeline} when sharing)
     */
    PipelineModel fit(Pipeline candidate, Dataset<?> fold) {
        PipelineStage[] stages = candidate.getStages();
        PipelineModel prefix = prefixFor(fold, stages);
        PipelineStage[] rest = Arrays.copyOfRange(stages, shared, stages.length);
        PipelineStage[] all = new PipelineStage[prefix.stages().length + rest.length];
        System.arraycopy(prefix.stages(), 0, all, 0, prefix.stages().length);
        System.arraycopy(rest, 0, all, prefix.stages().length, rest.length);
        // The candidate's uid, so the model is named as candidate.fit's would be.
        return new Pipeline(candidate.uid()).setStages(all).fit(fold);
    }

    boolean shares() {
        return shared > 0;
    }

    private PipelineModel prefixFor(Dataset<?> fold, PipelineStage[] stages) {
        Holder holder;
        synchronized (byFold) {
            holder = byFold.computeIfAbsent(fold, f -> new Holder());
        }
        synchronized (holder) {
            if (holder.model == null) {
                holder.model = new Pipeline().setStages(Arrays.copyOf(stages, shared)).fit(fold);
            }
            return holder.model;
        }
    }

    /** One fold's fitted prefix, fitted by the first candidate that needs it. */
    private static final class Holder {
        private PipelineModel model;
    }
}
