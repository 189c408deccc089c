package io.deepline.pipelines.generative;

import io.deepline.models.spec.AutoEncoderSpec;
import io.deepline.pipelines.core.data.LabelEncoder;
import io.deepline.pipelines.core.data.LabeledDataProfile;
import io.deepline.pipelines.core.data.RegressionDataCheck;
import io.deepline.pipelines.core.data.TrainingRows;
import io.deepline.pipelines.core.data.WeightCheck;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.stage.NetworkEstimator;
import io.deepline.pipelines.core.train.EstimatorTraining;
import io.deepline.pipelines.core.train.TrainingResult;
import io.deepline.pipelines.core.train.ValidationMetric;
import io.deepline.pipelines.core.train.WorkerChoice;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * A bottleneck autoencoder (Goodfellow, Bengio &amp; Courville 2016, §14.1; course ch. 9) as a Spark
 * {@code Estimator}: it learns an encoder f and decoder g that minimise the reconstruction loss L(x, g(f(x))) over
 * the rows' feature vectors, with no label, trained data-parallel by Deepline's parameter averaging (the features
 * are their own target). The network is an {@link AutoEncoderSpec}: dense, or convolutional over images
 * ({@code architecture=conv}, {@code imageShape}).
 *
 * <p>The fitted {@link AutoEncoderModel} writes each row's code (the linear bottleneck's activations) and its
 * reconstruction error; the error ranks rows by how unlike the training data they are (anomaly detection).
 * {@code weightCol}, {@code validationFraction} / {@code validationIndicatorCol} (validation metric: the RMSE of
 * the reconstruction) and early stopping work as in {@code DeepRegressor}.
 */
public class AutoEncoder extends NetworkEstimator<AutoEncoder, AutoEncoderModel>
        implements HasAutoEncoderParams<AutoEncoder> {
    private static final long serialVersionUID = 1L;

    private final AutoEncoderParamSet autoEncoderParams;

    public AutoEncoder() {
        this(Identifiable$.MODULE$.randomUID("autoEncoder"));
    }

    public AutoEncoder(String uid) {
        super(StageUid.stash(uid));
        this.autoEncoderParams = new AutoEncoderParamSet(this);
        setAutoEncoderDefaults();
    }

    @Override
    public AutoEncoderParamSet autoEncoderParams() {
        return autoEncoderParams;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        return AutoEncoderSchema.withOutputs(schema, this);
    }

    @Override
    public AutoEncoderModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        AutoEncoderSpec spec = toAutoEncoderSpec();
        Instant started = Instant.now();
        String features = getFeaturesCol();
        // The features are their own target: the "label" column is the features vector again.
        TrainingRows rows = TrainingRows.select(dataset, features, functions.col(features), weightColOrNull(),
                validationIndicatorColOrNull(), getValidationFraction(), getSeed());
        LabeledDataProfile profile = LabeledDataProfile.of(rows.labeled());
        if (profile.rows() == 0) {
            throw new IllegalArgumentException("the training DataFrame is empty; AutoEncoder.fit needs rows with a '"
                    + features + "' vector (check the filters and the split that produced it)");
        }
        // With the label equal to the features, only the features checks (nulls, sizes, NaN/Inf) can fail.
        int numFeatures = RegressionDataCheck.check(profile, features, features, false).numFeatures();
        spec.requireInputSize(numFeatures);
        if (rows.weighted()) {
            WeightCheck.require(profile, weightColOrNull());
        }
        double weightScale = rows.requireNonEmptyAndWeightScale();
        SparkSession spark = dataset.sparkSession();
        int workers = WorkerChoice.resolve(this, "AutoEncoder", spark, profile.rows());
        TrainingResult result = EstimatorTraining.run(this, "AutoEncoder", rows, weightScale, workers, numFeatures,
                LabelEncoder.vector(numFeatures), ValidationMetric.RMSE, spec.initialState(numFeatures),
                trainingListener());
        Provenance provenance = Provenance.of(spark, profile.rows(), Map.of(), workers, getSeed(), started);
        AutoEncoderModel model = new AutoEncoderModel(uid(), result.network(), numFeatures, spec.codeLayerIndex(),
                result.history(), provenance);
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    public static MLReader<AutoEncoder> read() {
        return ParamsOnlyPersistence.reader(AutoEncoder.class);
    }

    public static AutoEncoder load(String path) {
        return read().load(path);
    }
}
