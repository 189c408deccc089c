package io.deepline.pipelines.classification.perceptron;

import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.param.StageUid;
import java.util.Arrays;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link PerceptronClassifier}: {@code y = psi(w.x + b)}. {@code rawPrediction} is
 * {@code [-(w.x+b), w.x+b]}, so MLlib's {@code BinaryClassificationEvaluator} ranks rows by {@code w.x+b};
 * {@code prediction} is 1 if {@code w.x+b > 0}, else 0 ({@code psi(0) = -1}, i.e. class 0). Not a probabilistic
 * model: the perceptron's score is a distance, not a probability.
 */
public class PerceptronClassificationModel extends ClassificationModel<Vector, PerceptronClassificationModel>
        implements HasPerceptronParams<PerceptronClassificationModel>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final PerceptronParamSet perceptronParams;
    private PerceptronWeights weights;
    private long[] mistakesPerEpoch = new long[0];
    private boolean converged;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public PerceptronClassificationModel() {
        this(Identifiable$.MODULE$.randomUID("perceptron"));
    }

    /** For Spark's reflection (readers and copies); the weights are set by the reader. */
    public PerceptronClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private PerceptronClassificationModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.perceptronParams = new PerceptronParamSet(this);
        setPerceptronDefaults();
    }

    PerceptronClassificationModel(String uid, PerceptronWeights weights, long[] mistakesPerEpoch, boolean converged) {
        this(uid);
        setState(weights, mistakesPerEpoch, converged);
    }

    /** Installs the fitted state (taking ownership of the arrays); used by the constructor above and the reader. */
    final void setState(PerceptronWeights weights, long[] mistakesPerEpoch, boolean converged) {
        this.weights = weights;
        this.mistakesPerEpoch = mistakesPerEpoch;
        this.converged = converged;
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public PerceptronParamSet perceptronParams() {
        return perceptronParams;
    }

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public int numFeatures() {
        return weights == null ? -1 : weights.numFeatures();
    }

    /** The weight vector {@code w} (a copy). */
    public Vector weights() {
        requireFitted();
        return Vectors.dense(weights.w().clone());
    }

    /** The bias {@code b}. */
    public double intercept() {
        requireFitted();
        return weights.b();
    }

    /** Mistakes (updates) made in each epoch of the fit, summed over the workers; one entry per epoch that ran. */
    public long[] mistakesPerEpoch() {
        return mistakesPerEpoch.clone();
    }

    /** Whether the fit ended with an epoch without mistakes, i.e. every training point is classified right. */
    public boolean converged() {
        return converged;
    }

    /** The live state, for this package's tests and persistence. */
    PerceptronWeights state() {
        return weights;
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        SchemaChecks.requireAbsent(schema, getRawPredictionCol(), "rawPredictionCol");
        SchemaChecks.requireAbsent(schema, getPredictionCol(), "predictionCol");
        return super.transformSchema(schema);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        requireFitted();
        return super.transform(dataset);
    }

    /** {@code [-(w.x+b), w.x+b]}: the second entry is the score of class 1, as MLlib's binary evaluator reads it. */
    @Override
    public Vector predictRaw(Vector features) {
        double z = score(features);
        return Vectors.dense(-z, z);
    }

    @Override
    public double predict(Vector features) {
        return PerceptronWeights.psi(score(features)) > 0 ? 1.0 : 0.0;
    }

    /** psi of the score in {@code rawPrediction[1]}; the same as argmax, but says the rule (ties go to class 0). */
    @Override
    public double raw2prediction(Vector rawPrediction) {
        return PerceptronWeights.psi(rawPrediction.apply(1)) > 0 ? 1.0 : 0.0;
    }

    private double score(Vector features) {
        requireFitted();
        if (features.size() != weights.numFeatures()) {
            throw new IllegalArgumentException("the features vector in '" + getFeaturesCol() + "' has size "
                    + features.size() + " but the model was trained on " + weights.numFeatures() + " features");
        }
        return weights.score(features);
    }

    private void requireFitted() {
        if (weights == null) {
            throw new IllegalStateException(uid() + " has no weights; get a model from PerceptronClassifier.fit or"
                    + " PerceptronClassificationModel.load(path)");
        }
    }

    // ---- copy and persistence ----

    /** A deep copy: the copy shares no array with this model. */
    @Override
    public PerceptronClassificationModel copy(ParamMap extra) {
        requireFitted();
        PerceptronClassificationModel copy = new PerceptronClassificationModel(uid, weights.copy(),
                mistakesPerEpoch.clone(), converged);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new PerceptronModelPersistence.Writer(this);
    }

    public static MLReader<PerceptronClassificationModel> read() {
        return new PerceptronModelPersistence.Reader();
    }

    public static PerceptronClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "PerceptronClassificationModel: uid=" + uid + ", numFeatures=" + numFeatures() + ", epochs="
                + mistakesPerEpoch.length + ", converged=" + converged + ", mistakesPerEpoch="
                + Arrays.toString(mistakesPerEpoch);
    }
}
