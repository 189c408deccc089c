package io.deepline.pipelines.classification;

import io.deepline.models.spec.MlpSpec;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.param.HasMlpParams;
import io.deepline.pipelines.core.param.MlpParamSet;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.stage.NetworkClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A deep multilayer-perceptron classifier, trained data-parallel by parameter averaging on Spark.
 *
 * <p>Input: a {@code Vector} features column and a 0-based class-index label column (the number of classes
 * comes from the label's ML metadata, else max label + 1). Output: MLlib's {@code rawPrediction} (log
 * class probabilities), {@code probability} and {@code prediction} columns.
 *
 * <pre>{@code
 * DeepClassifier clf = new DeepClassifier().setHiddenLayers(new int[]{64, 32}).setMaxEpochs(20)
 *     .setUpdater("adam").setLearningRate(1e-3).setNumWorkers(4).setSeed(42);
 * DeepClassificationModel model = clf.fit(train);
 * }</pre>
 */
public class DeepClassifier extends NetworkClassifier<Vector, DeepClassifier, DeepClassificationModel>
        implements HasMlpParams<DeepClassifier>, HasClassifierParams<DeepClassifier> {
    private static final long serialVersionUID = 1L;

    private final MlpParamSet mlpParams;
    private final ClassifierParamSet classifierParams;

    public DeepClassifier() {
        this(Identifiable$.MODULE$.randomUID("deepClassifier"));
    }

    public DeepClassifier(String uid) {
        super(StageUid.stash(uid));
        this.mlpParams = new MlpParamSet(this);
        this.classifierParams = new ClassifierParamSet(this);
        setMlpDefaults();
        setClassifierDefaults();
    }

    @Override
    public MlpParamSet mlpParams() {
        return mlpParams;
    }

    @Override
    public ClassifierParamSet classifierParams() {
        return classifierParams;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        SchemaChecks.requireNumericColumn(schema, getLabelCol(), "label", "labelCol");
        return super.transformSchema(schema);
    }

    @Override
    public DeepClassificationModel train(Dataset<?> dataset) {
        MlpSpec spec = toMlpSpec();
        VectorClassifierFitting.Fitted fitted = VectorClassifierFitting.fit(this, "DeepClassifier", dataset,
                spec::initialState, trainingListener());
        return new DeepClassificationModel(uid(), fitted.network(), fitted.numFeatures(), fitted.numClasses(),
                fitted.history(), fitted.provenance());
    }

    // ---- persistence ----

    public static MLReader<DeepClassifier> read() {
        return ParamsOnlyPersistence.reader(DeepClassifier.class);
    }

    public static DeepClassifier load(String path) {
        return read().load(path);
    }
}
