package io.deepline.pipelines.classification.perceptron;

import io.deepline.pipelines.core.data.ClassLabels;
import io.deepline.pipelines.core.data.ClassificationDataCheck;
import io.deepline.pipelines.core.data.LabeledDataProfile;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Rosenblatt's perceptron (the course, section 1.7), trained on Spark by iterative parameter mixing
 * (McDonald, Hall and Mann 2010, uniform mixing; see {@link ParameterMixing}).
 *
 * <p>Input: a {@code Vector} features column and a label column holding 0 or 1 (the perceptron's -1 and +1).
 * Training starts from {@code w = 0, b = 0}, applies {@code w <- w + y x, b <- b + y} on every mistake, and
 * stops after an epoch without mistakes (the data are then separated) or after {@code maxIter} epochs. Output:
 * MLlib's {@code rawPrediction} {@code [-(w.x+b), w.x+b]} and {@code prediction} (1 if {@code w.x+b > 0}); there
 * is no probability column, because the perceptron has no probabilities.
 *
 * <pre>{@code
 * PerceptronClassificationModel model = new PerceptronClassifier().setMaxIter(50).setNumWorkers(4).fit(train);
 * boolean separated = model.converged();
 * }</pre>
 */
public class PerceptronClassifier extends Classifier<Vector, PerceptronClassifier, PerceptronClassificationModel>
        implements HasPerceptronParams<PerceptronClassifier>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final PerceptronParamSet perceptronParams;

    public PerceptronClassifier() {
        this(Identifiable$.MODULE$.randomUID("perceptron"));
    }

    public PerceptronClassifier(String uid) {
        this(StageUid.stash(uid));
    }

    private PerceptronClassifier(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.perceptronParams = new PerceptronParamSet(this);
        setPerceptronDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public PerceptronParamSet perceptronParams() {
        return perceptronParams;
    }

    // ---- setters (fluent, as MLlib's) ----

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        SchemaChecks.requireNumericColumn(schema, getLabelCol(), "label", "labelCol");
        return super.transformSchema(schema);
    }

    @Override
    public PerceptronClassificationModel train(Dataset<?> dataset) {
        Dataset<Row> rows = dataset.select(functions.col(getFeaturesCol()),
                functions.col(getLabelCol()).cast("double"));
        ClassificationDataCheck.Summary data = BinaryLabels.check(LabeledDataProfile.of(rows), getFeaturesCol(),
                getLabelCol(), ClassLabels.declaredNumClasses(dataset.schema().apply(getLabelCol())));
        int workers = resolveNumWorkers(dataset.sparkSession());
        JavaRDD<SignedRows> blocks = SignedRows.cache(rows, workers, data.numFeatures());
        try {
            ParameterMixing.Result result = new ParameterMixing(getMaxIter(), getSeed())
                    .train(blocks, data.numFeatures());
            return new PerceptronClassificationModel(uid(), result.weights(), result.mistakesPerEpoch(),
                    result.converged());
        } finally {
            blocks.unpersist(false);
        }
    }

    @Override
    public PerceptronClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<PerceptronClassifier> read() {
        return ParamsOnlyPersistence.reader(PerceptronClassifier.class);
    }

    public static PerceptronClassifier load(String path) {
        return read().load(path);
    }
}
