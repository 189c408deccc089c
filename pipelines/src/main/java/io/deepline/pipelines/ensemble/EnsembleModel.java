package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.param.StageUid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PredictionModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * J fitted models combined into one (course §3.3, "Ensembling"):
 * <ul>
 *   <li>regression: the mean of the members' predictions, f̄(x) = (1/J) Σ_j E[y | f(x; w_j)] (a Vector mean for
 *       multi-output members);</li>
 *   <li>classification, {@code voting = hard}: argmax_k Σ_j ŷ_{j,k}, ŷ_j the one-hot encoding of member j's
 *       prediction; a tie goes to the lowest class index. {@code rawPrediction} holds the vote counts;</li>
 *   <li>classification, {@code voting = soft} (the default): argmax_k Σ_j p_{j,k}, p_j member j's class
 *       probabilities (for our networks, the softmax); {@code rawPrediction} holds the sums Σ_j p_j, as MLlib's
 *       random forest sums its trees', and {@code probability} their mean (1/J) Σ_j p_j; a tie goes to the
 *       lowest class index.</li>
 * </ul>
 *
 * <p>Members are Spark ML {@code PredictionModel}s of one kind: {@code DeepClassificationModel},
 * {@code DeepRegressionModel}, MLlib's {@code LogisticRegressionModel}, {@code LinearRegressionModel} ...
 * Each member reads its own input columns (its {@code featuresCol}); {@code transform} runs each member's own
 * {@code transform} with its outputs redirected to temporary columns (through a {@code copy} of the member, which
 * for a network model copies its parameters), combines them row by row, and drops them. J = 1 is allowed: the
 * ensemble then reproduces its member, which makes "is ensembling worth it" a {@code numMembers} grid of {1, J}.
 *
 * <pre>{@code
 * EnsembleModel ensemble = new EnsembleModel(List.of(model1, model2, model3)).setVoting("hard");
 * Dataset<Row> scored = ensemble.transform(test);
 * }</pre>
 */
public class EnsembleModel extends Model<EnsembleModel> implements HasEnsembleParams<EnsembleModel>, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleModel.class);

    private final String uid;
    private final EnsembleParamSet ensembleParams;
    private EnsembleMembers members;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public EnsembleModel() {
        this(Identifiable$.MODULE$.randomUID("ensemble"));
    }

    /** For Spark's reflection (readers); the members are set by the reader. */
    public EnsembleModel(String uid) {
        this(StageUid.stash(uid));
    }

    private EnsembleModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.ensembleParams = new EnsembleParamSet(this);
        setEnsembleDefaults();
    }

    /**
     * An ensemble of fitted models.
     *
     * @throws IllegalArgumentException if there are none, one is not a PredictionModel, classifiers and regressors
     *                                  are mixed, or classifiers differ in their number of classes
     */
    public EnsembleModel(List<? extends Model<?>> members) {
        this(Identifiable$.MODULE$.randomUID("ensemble"), members);
    }

    public EnsembleModel(String uid, List<? extends Model<?>> members) {
        this(uid);
        this.members = EnsembleMembers.of(members);
    }

    private EnsembleModel(String uid, EnsembleMembers members) {
        this(uid);
        this.members = members;
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public EnsembleParamSet ensembleParams() {
        return ensembleParams;
    }

    /** The members, in order (the live models, not copies). */
    public List<PredictionModel<?, ?>> members() {
        return requireMembers().models();
    }

    public int numMembers() {
        return requireMembers().size();
    }

    public EnsembleKind kind() {
        return requireMembers().kind();
    }

    /** The members' number of classes K; 0 for a regression ensemble. */
    public int numClasses() {
        return requireMembers().numClasses();
    }

    EnsembleMembers requireMembers() {
        if (members == null) {
            throw new IllegalStateException(uid() + " has no members; build it with new EnsembleModel(models),"
                    + " EnsembleEstimator.fit or EnsembleModel.load(path)");
        }
        return members;
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        EnsembleMembers m = requireMembers();
        EnsembleSchema.Outputs outputs = EnsembleSchema.Outputs.of(this, m.kind());
        if (outputs.soft()) {
            m.requireProbabilities();
        }
        DataType predictionType = m.predictionType(schema);
        return EnsembleSchema.append(schema, outputs, m.numClasses(), predictionType);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outputSchema = transformSchema(dataset.schema(), true);
        EnsembleMembers m = requireMembers();
        EnsembleSchema.Outputs outputs = EnsembleSchema.Outputs.of(this, m.kind());
        if (outputs.none()) {
            LOG.warn("{}: transform() was called as NOOP since no output columns were set.", uid());
            return dataset.toDF();
        }
        List<String> inputColumns = Arrays.asList(dataset.schema().fieldNames());
        String scores = temporary("scores", inputColumns);
        List<String> memberColumns = new ArrayList<>();
        Dataset<Row> scored = dataset.toDF();
        for (int j = 0; j < m.size(); j++) {
            String column = temporary("member" + j, inputColumns);
            memberColumns.add(column);
            scored = outputs.soft() ? m.redirected(j, "", column).transform(scored)
                    : m.redirected(j, column, "").transform(scored);
        }
        if (m.kind() == EnsembleKind.REGRESSION) {
            Column mean = EnsembleMembers.isVector(outputSchema.apply(outputs.predictionCol()).dataType())
                    ? EnsembleColumns.scaled(EnsembleColumns.sum(memberColumns, 0, "prediction"), 1.0 / m.size())
                    : EnsembleColumns.mean(memberColumns);
            scored = scored.withColumn(outputs.predictionCol(), mean);
        } else {
            scored = scored.withColumn(scores, outputs.soft()
                    ? EnsembleColumns.sum(memberColumns, m.numClasses(), "probability")
                    : EnsembleColumns.voteCounts(memberColumns, m.numClasses()));
            scored = withOutput(scored, outputSchema, outputs.rawPredictionCol(), functions.col(scores));
            scored = withOutput(scored, outputSchema, outputs.probabilityCol(),
                    EnsembleColumns.scaled(functions.col(scores), 1.0 / m.size()));
            scored = withOutput(scored, outputSchema, outputs.predictionCol(),
                    EnsembleColumns.argmax(functions.col(scores)));
            memberColumns.add(scores);
        }
        return scored.drop(memberColumns.toArray(new String[0]));
    }

    /** A column name for intermediate results that no input column has. */
    private String temporary(String role, List<String> inputColumns) {
        String name = "_" + uid() + "_" + role;
        if (inputColumns.contains(name)) {
            throw new IllegalArgumentException("the input already has a column '" + name + "', which the ensemble "
                    + uid() + " uses for intermediate results; rename or drop it");
        }
        return name;
    }

    private static Dataset<Row> withOutput(Dataset<Row> scored, StructType outputSchema, String name, Column value) {
        return name.isEmpty() ? scored
                : scored.withColumn(name, value.as(name, EnsembleSchema.metadataOf(outputSchema, name)));
    }

    // ---- copy and persistence ----

    /** A copy with each member copied too (with {@code extra}, as a Pipeline copies its stages). */
    @Override
    public EnsembleModel copy(ParamMap extra) {
        EnsembleModel copy = members == null ? new EnsembleModel(uid) : new EnsembleModel(uid, members.copy(extra));
        return copyValues(copy, extra).setParent(parent());
    }

    /**
     * Saves the ensemble's Params and each member with its own writer under {@code path/members/j}.
     *
     * @throws IllegalStateException if a member is not MLWritable
     */
    @Override
    public MLWriter write() {
        return new EnsembleModelPersistence.Writer(this);
    }

    public static MLReader<EnsembleModel> read() {
        return new EnsembleModelPersistence.Reader();
    }

    public static EnsembleModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "EnsembleModel: uid=" + uid + (members == null ? ", no members"
                : ", " + members.size() + " " + members.kind().noun() + "s" + (members.kind() == EnsembleKind.CLASSIFICATION
                ? ", numClasses=" + members.numClasses() + ", voting=" + getVoting() : ""));
    }
}
