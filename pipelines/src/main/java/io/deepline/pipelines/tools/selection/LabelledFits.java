package io.deepline.pipelines.tools.selection;

import io.deepline.pipelines.core.train.FitLabel;
import io.deepline.pipelines.core.train.HasTrainingListener;
import io.deepline.pipelines.core.train.TrainingListener;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * The estimator {@link KFoldCrossValidation} hands MLlib's CrossValidator: it fits exactly as the wrapped one
 * ({@code copy(paramMap).fit(data)}, which is what {@code Estimator.fit(data, paramMap)} does), but on the fit's own
 * thread it first sets a {@link FitLabel} naming the candidate and the fold, e.g.
 * {@code tune 3/12 (hiddenLayers=[32,16], learningRate=0.003, fold 2/3)}, and attaches the listener to the copy.
 *
 * <p>Why a wrapper: the CrossValidator runs candidates on its own thread pool ({@code parallelism}), so only code
 * inside the fit call can label that thread; and MLlib's copies drop a stage's listener (it is not a Param).
 *
 * <p>How the fold is known: MLlib fits the folds one after the other, each fold's candidates on the same training
 * DataFrame; the n-th distinct training DataFrame seen is fold n. The whole data set (the final refit) is the one
 * the cross validation was given.
 */
final class LabelledFits<M extends Model<M>> extends Estimator<M> {
    private static final long serialVersionUID = 1L;

    private final Estimator<M> delegate;
    private final transient Plan plan;

    private LabelledFits(Estimator<M> delegate, Plan plan) {
        this.delegate = delegate;
        this.plan = plan;
    }

    static <M extends Model<M>> LabelledFits<M> wrap(Estimator<M> estimator, Plan plan) {
        return new LabelledFits<>(estimator, plan);
    }

    /** Names the fits of one cross validation; shared by the wrapper's copies, so it is thread-safe. */
    static final class Plan {
        private final String name;
        private final ParamMap[] grid;
        private final List<String> descriptions;
        private final int numFolds;
        private final Dataset<?> whole;
        private final TrainingListener listener;
        private final FoldPrefixes prefixes;
        private final Map<Dataset<?>, Integer> folds = new IdentityHashMap<>();
        /** [fold][candidate] metrics as MLlib measured them (see {@link RecordingEvaluator}); NaN until then. */
        private final double[][] metrics;
        private final boolean[][] recorded;
        /** The (fold, candidate) this thread fitted last, until its metric is recorded. */
        private final ThreadLocal<int[]> lastFit = new ThreadLocal<>();

        /**
         * @param name     the label's first word ("tune", "cv")
         * @param whole    the data the final refit gets (the fold-indexed data the CrossValidator is fit on)
         * @param listener attached to every fit's network stages; null for none
         * @param prefixes fits the pipeline's untuned leading stages once per fold
         */
        Plan(String name, ParamMap[] grid, int numFolds, Dataset<?> whole, TrainingListener listener,
             FoldPrefixes prefixes) {
            this.name = name;
            this.grid = grid;
            // An empty map (the estimator as it is) adds nothing worth naming.
            this.descriptions = ParamGridDescription.describe(grid).stream()
                    .map(p -> p.isEmpty() ? "" : ParamGridDescription.text(p) + ", ").toList();
            this.numFolds = numFolds;
            this.whole = whole;
            this.listener = listener;
            this.prefixes = prefixes;
            this.metrics = new double[numFolds][grid.length];
            this.recorded = new boolean[numFolds][grid.length];
        }

        /** Files {@code metric} under the fold fit this thread ran last; a metric of no known fit is ignored. */
        void recordMetric(double metric) {
            int[] fit = lastFit.get();
            lastFit.remove();
            if (fit != null) {
                synchronized (this) {
                    metrics[fit[0]][fit[1]] = metric;
                    recorded[fit[0]][fit[1]] = true;
                }
            }
        }

        /** [candidate][fold] metrics, or null unless every fold fit had its metric recorded exactly once. */
        synchronized double[][] foldMetricsByCandidate() {
            double[][] byCandidate = new double[grid.length][numFolds];
            for (int i = 0; i < numFolds; i++) {
                for (int m = 0; m < grid.length; m++) {
                    if (!recorded[i][m]) {
                        return null;
                    }
                    byCandidate[m][i] = metrics[i][m];
                }
            }
            return byCandidate;
        }

        private void fitted(Dataset<?> data, ParamMap params) {
            int candidate = indexOf(params);
            int fold = data == whole ? -1 : foldOf(data);
            if (candidate >= 0 && fold >= 0 && fold < numFolds) {
                lastFit.set(new int[] {fold, candidate});
            } else {
                lastFit.remove();
            }
        }

        String label(Dataset<?> data, ParamMap params) {
            int candidate = indexOf(params);
            String described = candidate < 0 ? "" : descriptions.get(candidate);
            if (data == whole) {
                return String.format(Locale.ROOT, "%s best (%sall rows)", name, described);
            }
            int fold = foldOf(data);
            if (candidate < 0 || fold >= numFolds) {
                return name + " fit (" + described + "fold " + (fold + 1) + ")";
            }
            int fits = numFolds * grid.length;
            return String.format(Locale.ROOT, "%s %d/%d (%sfold %d/%d)", name, fold * grid.length + candidate + 1, fits,
                    described, fold + 1, numFolds);
        }

        private int indexOf(ParamMap params) {
            for (int m = 0; m < grid.length; m++) {
                if (grid[m] == params) {
                    return m;
                }
            }
            return -1;
        }

        private synchronized int foldOf(Dataset<?> data) {
            return folds.computeIfAbsent(data, d -> folds.size());
        }
    }

    @Override
    public M fit(Dataset<?> dataset) {
        return fit(dataset, ParamMap.empty());
    }

    @Override
    public M fit(Dataset<?> dataset, ParamMap paramMap) {
        String label = plan.label(dataset, paramMap);
        Estimator<M> copy = delegate.copy(paramMap);
        if (plan.listener != null) {
            attach(copy, plan.listener);
        }
        M model = FitLabel.with(label, () -> fitCopy(copy, dataset));
        plan.fitted(dataset, paramMap);
        return model;
    }

    /**
     * {@code copy.fit(dataset)}; a fold fit of a pipeline whose leading stages no grid point sets takes their fold
     * fit from {@link FoldPrefixes} (the same model, fitted once per fold).
     */
    @SuppressWarnings("unchecked")
    private M fitCopy(Estimator<M> copy, Dataset<?> dataset) {
        if (dataset != plan.whole && plan.prefixes.shares() && copy instanceof Pipeline pipeline) {
            return (M) plan.prefixes.fit(pipeline, dataset);
        }
        return copy.fit(dataset);
    }

    /** Sets the listener on every network stage of {@code stage} (nested pipelines included). */
    private static void attach(PipelineStage stage, TrainingListener listener) {
        if (stage instanceof HasTrainingListener followed) {
            followed.setTrainingListener(listener);
        }
        if (stage instanceof Pipeline pipeline && pipeline.isDefined(pipeline.stages())) {
            for (PipelineStage s : pipeline.getStages()) {
                attach(s, listener);
            }
        }
    }

    @Override
    public LabelledFits<M> copy(ParamMap extra) {
        return new LabelledFits<>(delegate.copy(extra), plan);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return delegate.transformSchema(schema);
    }

    @Override
    public String uid() {
        return delegate.uid();
    }
}
