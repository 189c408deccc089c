package io.deepline.pipelines.tools.selection;

import io.deepline.pipelines.core.train.FitLabel;
import io.deepline.pipelines.core.train.TrainingListener;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * k-fold cross validation (course §3.1.1, Fig. 7) that reports every fold: MLlib's {@link CrossValidator}
 * run on folds we assign, so each fold's metric can be recomputed exactly.
 *
 * <p>Steps: check the grid ({@link GridCheck}); add an exact, seeded (optionally stratified) fold column with
 * {@link DataSplits#folds(int)}; persist it so MLlib and the report read the same partitions; fit MLlib's
 * CrossValidator with {@code setFoldCol} and {@code setCollectSubModels(true)}; build the
 * {@link CrossValidationReport} from the fold models. A pipeline's leading stages that no grid point sets (feature
 * assembly, a StandardScaler) are fitted once per fold and shared by its candidates ({@link FoldPrefixes}): the same
 * models, fewer passes. MLlib's own random folds ({@code MLUtils.kFold}) are
 * not used because they cannot be rebuilt outside it, and their sizes are approximate.
 *
 * <p>Each fit runs with a {@link FitLabel} naming its candidate and fold (see {@link #withLabel(String)}), so the
 * epoch log lines and Spark job descriptions say which fit they belong to. Results do not depend on
 * {@code parallelism}: every fit sees the same rows in the same partitions, whatever runs beside it.
 *
 * <p>The returned model keeps all k × grid fold models (MLlib's subModels) in driver memory.
 *
 * <p>Leave-one-out (course §3.1.1, k = the number of rows): {@code withFolds(LEAVE_ONE_OUT)} or
 * {@link #withLeaveOneOut()}. Each row is a fold, so a grid of g candidates costs g·n fits: it is refused above
 * {@value #MAX_LEAVE_ONE_OUT_ROWS} rows.
 *
 * <pre>{@code
 * CrossValidationResult cv = new KFoldCrossValidation(pipeline, grid, new MulticlassClassificationEvaluator())
 *     .withFolds(5).withSeed(7).stratifiedBy("label").fit(train);
 * System.out.println(cv.report());
 * }</pre>
 */
public final class KFoldCrossValidation {
    /** The fold column added for the CrossValidator (and dropped from the estimator's training rows by MLlib). */
    public static final String FOLD_COL = "__deepline_fold";

    /** {@code withFolds(LEAVE_ONE_OUT)}: as many folds as rows, each validating on one row. */
    public static final int LEAVE_ONE_OUT = -1;

    /** The most rows leave-one-out accepts: each row is a fold, and each fold a fit per candidate. */
    public static final int MAX_LEAVE_ONE_OUT_ROWS = 500;

    private final Estimator<?> estimator;
    private final ParamMap[] grid;
    private final Evaluator evaluator;
    private final int numFolds;
    private final long seed;
    private final String stratifyCol;
    private final int parallelism;
    private final String labelName;
    private final TrainingListener listener;

    public KFoldCrossValidation(Estimator<?> estimator, ParamMap[] grid, Evaluator evaluator) {
        this(estimator, grid, evaluator, 5, DataSplits.DEFAULT_SEED, null, 1, "cv", null);
    }

    private KFoldCrossValidation(Estimator<?> estimator, ParamMap[] grid, Evaluator evaluator, int numFolds,
                                 long seed, String stratifyCol, int parallelism, String labelName,
                                 TrainingListener listener) {
        GridCheck.requireOwnedParams(estimator, grid);
        if (evaluator == null) {
            throw new IllegalArgumentException("no evaluator; pass one, e.g. new MulticlassClassificationEvaluator()"
                    + " or new RegressionEvaluator()");
        }
        if (numFolds < 2 && numFolds != LEAVE_ONE_OUT) {
            throw new IllegalArgumentException("k-fold cross validation needs k >= 2 folds, got " + numFolds
                    + "; use k = 5 or 10, or LEAVE_ONE_OUT (-1) for k = the number of rows");
        }
        if (numFolds == LEAVE_ONE_OUT && stratifyCol != null) {
            throw new IllegalArgumentException("leave-one-out folds hold one row each, so stratifying by '"
                    + stratifyCol + "' has nothing to balance; drop stratifiedBy or use k >= 2 folds");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1 (fits at once), got " + parallelism);
        }
        this.estimator = estimator;
        this.grid = grid.clone();
        this.evaluator = evaluator;
        this.numFolds = numFolds;
        this.seed = seed;
        this.stratifyCol = stratifyCol;
        this.parallelism = parallelism;
        this.labelName = labelName;
        this.listener = listener;
    }

    /** k (default 5, as the course's Fig. 7), or {@link #LEAVE_ONE_OUT}. */
    public KFoldCrossValidation withFolds(int k) {
        return new KFoldCrossValidation(estimator, grid, evaluator, k, seed, stratifyCol, parallelism,
                labelName, listener);
    }

    /** Leave-one-out: k = the number of rows (at most {@value #MAX_LEAVE_ONE_OUT_ROWS}). */
    public KFoldCrossValidation withLeaveOneOut() {
        return withFolds(LEAVE_ONE_OUT);
    }

    /** The seed of the fold assignment (and of MLlib's CrossValidator). */
    public KFoldCrossValidation withSeed(long value) {
        return new KFoldCrossValidation(estimator, grid, evaluator, numFolds, value, stratifyCol, parallelism,
                labelName, listener);
    }

    /** Folds that hold each class of {@code labelCol} in proportion (±1 row). */
    public KFoldCrossValidation stratifiedBy(String labelCol) {
        return new KFoldCrossValidation(estimator, grid, evaluator, numFolds, seed,
                Objects.requireNonNull(labelCol, "labelCol"), parallelism, labelName, listener);
    }

    /** How many models MLlib fits at once (its {@code parallelism}). */
    public KFoldCrossValidation withParallelism(int value) {
        return new KFoldCrossValidation(estimator, grid, evaluator, numFolds, seed, stratifyCol, value, labelName,
                listener);
    }

    /**
     * The first word of each fit's {@link FitLabel} (default "cv"): epoch lines then read e.g.
     * {@code tune 3/12 (hiddenLayers=[32,16], learningRate=0.003, fold 2/3) DeepClassifier epoch 7/30 ...}.
     */
    public KFoldCrossValidation withLabel(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the fit label's name must be non-blank, e.g. \"cv\" or \"tune\"");
        }
        return new KFoldCrossValidation(estimator, grid, evaluator, numFolds, seed, stratifyCol, parallelism,
                name.strip(), listener);
    }

    /**
     * Follows every fold fit and the final refit (MLlib's copies of the estimator do not keep a stage's own
     * listener). With {@code parallelism} above 1 the listener is called from several threads at once, each fit's
     * {@link FitLabel} set on its thread.
     */
    public KFoldCrossValidation withListener(TrainingListener value) {
        return new KFoldCrossValidation(estimator, grid, evaluator, numFolds, seed, stratifyCol, parallelism,
                labelName, value);
    }

    public CrossValidationResult fit(Dataset<?> data) {
        int numFolds = this.numFolds == LEAVE_ONE_OUT ? leaveOneOutFolds(data) : this.numFolds;
        DataSplits folds = DataSplits.folds(numFolds).withSeed(seed);
        if (stratifyCol != null) {
            folds = folds.stratifiedBy(stratifyCol);
        }
        Dataset<Row> folded = folds.withSplitIndex(data, FOLD_COL).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            LabelledFits.Plan plan = new LabelledFits.Plan(labelName, grid, numFolds, folded, listener,
                    FoldPrefixes.of(estimator, grid));
            CrossValidatorModel model = new CrossValidator().setEstimator(LabelledFits.wrap(estimator, plan))
                    .setEstimatorParamMaps(grid).setEvaluator(new RecordingEvaluator(evaluator, plan))
                    .setNumFolds(numFolds).setFoldCol(FOLD_COL).setCollectSubModels(true)
                    .setParallelism(parallelism).setSeed(seed).fit(folded);
            // The wrappers served the fits only; the model names (and would save) the real estimator and evaluator.
            model.set(model.estimator(), estimator);
            model.set(model.evaluator(), evaluator);
            double[][] recorded = plan.foldMetricsByCandidate();
            CrossValidationReport report = recorded != null ? CrossValidationReport.of(model, recorded)
                    : CrossValidationReport.of(model, folded);
            return new CrossValidationResult(model, report);
        } finally {
            folded.unpersist();
        }
    }

    /** k = n for leave-one-out, refused for fewer than 2 or more than {@value #MAX_LEAVE_ONE_OUT_ROWS} rows. */
    private static int leaveOneOutFolds(Dataset<?> data) {
        long rows = data.count();
        if (rows > MAX_LEAVE_ONE_OUT_ROWS) {
            throw new IllegalArgumentException("leave-one-out cross validation fits once per row and candidate, and"
                    + " is limited to " + MAX_LEAVE_ONE_OUT_ROWS + " rows, but the data has " + rows + "; use k-fold"
                    + " (e.g. withFolds(10)) for data this size");
        }
        if (rows < 2) {
            throw new IllegalArgumentException("leave-one-out cross validation needs at least 2 rows, got " + rows);
        }
        return (int) rows;
    }
}
