package io.deepline.pipelines.regression;

import io.deepline.models.spec.MlpSpec;
import io.deepline.pipelines.core.data.LabelEncoder;
import io.deepline.pipelines.core.data.InputScaleHint;
import io.deepline.pipelines.core.data.LabeledDataProfile;
import io.deepline.pipelines.core.data.RegressionDataCheck;
import io.deepline.pipelines.core.data.TrainingRows;
import io.deepline.pipelines.core.data.WeightCheck;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.param.HasMlpParams;
import io.deepline.pipelines.core.param.MlpParamSet;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.EstimatorTraining;
import io.deepline.pipelines.core.train.FitLabel;
import io.deepline.pipelines.core.train.HasTrainingListener;
import io.deepline.pipelines.core.train.TrainingListener;
import io.deepline.pipelines.core.train.TrainingResult;
import io.deepline.pipelines.core.train.ValidationMetric;
import io.deepline.pipelines.core.train.WorkerChoice;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A regression network (course §1.2–1.5, §2.1–2.3), trained data-parallel by parameter averaging.
 * {@code hiddenLayers=[]} is a GLM: linear regression ({@code family=gaussian}) or Poisson regression
 * ({@code family=poisson}); hidden layers make it a deep GLM. A {@code Vector} label column gives one output per
 * entry (multi-output regression) and a {@code Vector} prediction.
 */
public class DeepRegressor extends Predictor<Vector, DeepRegressor, DeepRegressionModel>
        implements HasTrainingListener, HasMlpParams<DeepRegressor>, HasRegressorParams<DeepRegressor>, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeepRegressor.class);

    private final String uid;
    private final MlpParamSet mlpParams;
    private final TrainingParamSet trainingParams;
    private final RegressorParamSet regressorParams;
    private transient TrainingListener listener = TrainingListener.NONE;

    public DeepRegressor() {
        this(Identifiable$.MODULE$.randomUID("deepRegressor"));
    }

    public DeepRegressor(String uid) {
        this(StageUid.stash(uid));
    }

    private DeepRegressor(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.mlpParams = new MlpParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.regressorParams = new RegressorParamSet(this);
        setMlpDefaults();
        setTrainingDefaults();
        setRegressorDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public MlpParamSet mlpParams() {
        return mlpParams;
    }

    @Override
    public TrainingParamSet trainingParams() {
        return trainingParams;
    }

    @Override
    public RegressorParamSet regressorParams() {
        return regressorParams;
    }

    // ---- setters ----

    /** Called on the driver after each epoch. Not a Param: not saved, and copies do not share it. */
    @Override
    public DeepRegressor setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        boolean vectorLabel = RegressionSchemas.requireLabel(schema, getLabelCol());
        if (vectorLabel && isHeteroskedastic()) {
            throw new IllegalArgumentException("family=gaussianHeteroskedastic predicts one response, but the label"
                    + " column '" + getLabelCol() + "' holds vectors; use a numeric label or family=gaussian");
        }
        return RegressionSchemas.withStd(RegressionSchemas.withPrediction(schema, getPredictionCol(), vectorLabel),
                stdColumnOrEmpty());
    }

    /** Like Predictor.fit, but without its cast of the label to double, which would break Vector labels. */
    @Override
    public DeepRegressionModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        return copyValues(train(dataset).setParent(this), ParamMap.empty());
    }

    @Override
    public DeepRegressionModel train(Dataset<?> dataset) {
        MlpSpec spec = toMlpSpec();
        Instant started = Instant.now();
        boolean vectorLabel = RegressionSchemas.requireLabel(dataset.schema(), getLabelCol());
        Column label = vectorLabel ? functions.col(getLabelCol()) : functions.col(getLabelCol()).cast("double");
        TrainingRows rows = TrainingRows.select(dataset, getFeaturesCol(), label, weightColOrNull(),
                validationIndicatorColOrNull(), getValidationFraction(), getSeed());
        String name = FitLabel.decorate("DeepRegressor");
        LOG.info("{}: checking the training rows (one pass: sizes, NaN/Inf, labels)", name);
        long checking = System.nanoTime();
        LabeledDataProfile profile = LabeledDataProfile.of(rows.labeled());
        RegressionDataCheck.Summary data = RegressionDataCheck.check(profile, getFeaturesCol(), getLabelCol(),
                isPoisson());
        LOG.info(String.format(Locale.ROOT, "%s: checked %d rows (%d features, %d outputs) in %.1f s", name,
                data.rows(), data.numFeatures(), data.numOutputs(), (System.nanoTime() - checking) / 1e9));
        InputScaleHint.warnIfUnscaled(profile, getFeaturesCol(), "DeepRegressor");
        if (rows.weighted()) {
            WeightCheck.require(profile, weightColOrNull());
        }
        double weightScale = rows.requireNonEmptyAndWeightScale();
        SparkSession spark = dataset.sparkSession();
        int workers = WorkerChoice.resolve(this, "DeepRegressor", spark, data.rows());
        LabelEncoder encoder = vectorLabel ? LabelEncoder.vector(data.numOutputs()) : LabelEncoder.scalar();
        TrainingResult result = EstimatorTraining.run(this, "DeepRegressor", rows, weightScale, workers,
                data.numFeatures(), encoder, ValidationMetric.RMSE,
                spec.initialState(data.numFeatures(), outputHead(data.numOutputs())), listener);
        Provenance provenance = Provenance.of(spark, data.rows(), Map.of(), workers, getSeed(), started);
        return new DeepRegressionModel(uid(), result.network(), data.numFeatures(), data.numOutputs(),
                vectorLabel, result.history(), provenance);
    }

    @Override
    public DeepRegressor copy(ParamMap extra) {
        DeepRegressor copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<DeepRegressor> read() {
        return ParamsOnlyPersistence.reader(DeepRegressor.class);
    }

    public static DeepRegressor load(String path) {
        return read().load(path);
    }
}
