package io.deepline.pipelines.generative;

import static org.apache.spark.sql.functions.col;

import io.deepline.models.spec.VaeSpec;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.stage.NetworkEstimator;
import io.deepline.pipelines.core.train.ParameterAveragingTrainer;
import io.deepline.pipelines.core.train.TrainingResult;
import io.deepline.pipelines.core.train.TrainingSettings;
import io.deepline.pipelines.core.train.WorkerChoice;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A variational autoencoder (Kingma &amp; Welling, "Auto-Encoding Variational Bayes", 2014) fitted on a Vector
 * column: encoder q(z|x) = N(μ(x), diag σ²(x)), prior p(z) = N(0, I), decoder p(x|z) Bernoulli (features in
 * [0, 1]) or Gaussian. Training maximises ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z)) (the history's loss is the
 * negative ELBO per row, plus L2), data-parallel by Deepline's {@link ParameterAveragingTrainer}, which averages
 * the params and the optimizer (e.g. Adam) state every {@code averagingFrequency} batches.
 *
 * <p>Unsupervised: there is no label, so {@code weightCol}, validation and early stopping are refused rather than
 * ignored. The model writes the latent mean and a reconstruction log-probability per row, and samples new rows
 * ({@link VariationalAutoEncoderModel#sample}).
 */
public class VariationalAutoEncoder extends NetworkEstimator<VariationalAutoEncoder, VariationalAutoEncoderModel>
        implements HasVaeParams<VariationalAutoEncoder> {
    private static final long serialVersionUID = 1L;
    static final String NAME = "VariationalAutoEncoder";

    private final VaeParamSet vaeParams;

    public VariationalAutoEncoder() {
        this(Identifiable$.MODULE$.randomUID("vae"));
    }

    public VariationalAutoEncoder(String uid) {
        super(StageUid.stash(uid));
        this.vaeParams = new VaeParamSet(this);
        setVaeDefaults();
    }

    @Override
    public VaeParamSet vaeParams() {
        return vaeParams;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(this, schema);
    }

    /** The input check and output columns shared by the estimator and its model. */
    static StructType outputSchema(HasVaeParams<?> stage, StructType schema) {
        SchemaChecks.requireVectorColumn(schema, stage.getFeaturesCol(), "featuresCol");
        SchemaChecks.requireAbsent(schema, stage.getLatentMeanCol(), "latentMeanCol");
        SchemaChecks.requireAbsent(schema, stage.getReconstructionLogProbCol(), "reconstructionLogProbCol");
        if (stage.getLatentMeanCol().equals(stage.getReconstructionLogProbCol())) {
            throw new IllegalArgumentException("latentMeanCol and reconstructionLogProbCol are both '"
                    + stage.getLatentMeanCol() + "'; give the two output columns different names");
        }
        return schema.add(stage.getLatentMeanCol(), SQLDataTypes.VectorType(), false)
                .add(stage.getReconstructionLogProbCol(), DataTypes.DoubleType, false);
    }

    @Override
    public VariationalAutoEncoderModel fit(Dataset<?> dataset) {
        Instant started = Instant.now();
        transformSchema(dataset.schema(), true);
        refuseSupervisedOptions();
        VaeSpec spec = toVaeSpec();
        Dataset<Row> features = dataset.select(col(getFeaturesCol()));
        FeatureProfile profile = FeatureProfile.of(features, getFeaturesCol());
        profile.requireTrainable(getFeaturesCol(), spec.reconstruction());
        int numFeatures = profile.maxSize();
        SparkSession spark = dataset.sparkSession();
        int workers = WorkerChoice.resolve(this, NAME, spark, profile.rows());
        JavaRDD<ElboBatch> batches = ElboBatches.build(features, workers, getBatchSize(), numFeatures, getSeed());
        TrainingResult result;
        try {
            TrainingSettings settings = TrainingSettings.of(this, NAME, workers);
            result = new ParameterAveragingTrainer(settings, trainingListener()).train(batches,
            spec.initialState(numFeatures));
        } finally {
            batches.unpersist(false);
        }
        FittedNetwork fitted = new FittedNetwork(result.network(), numFeatures, result.history(),
                Provenance.of(spark, profile.rows(), Map.of(), workers, getSeed(), started));
        VariationalAutoEncoderModel model = new VariationalAutoEncoderModel(uid(), fitted);
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    /** There is no label to weigh or validate against: say so rather than silently ignore the Params. */
    private void refuseSupervisedOptions() {
        String set = weightColOrNull() != null ? "weightCol"
                : getValidationFraction() > 0 ? "validationFraction"
                : validationIndicatorColOrNull() != null ? "validationIndicatorCol"
                : getEarlyStoppingPatience() > 0 ? "earlyStoppingPatience" : null;
        if (set != null) {
            throw new IllegalArgumentException(NAME + " does not support " + set + " (unsupervised training has no "
                    + "per-row loss weights or validation pass yet); unset it");
        }
    }

    // ---- persistence ----

    public static MLReader<VariationalAutoEncoder> read() {
        return ParamsOnlyPersistence.reader(VariationalAutoEncoder.class);
    }

    public static VariationalAutoEncoder load(String path) {
        return read().load(path);
    }
}
