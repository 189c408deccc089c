package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.Validators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the J members of an {@link EnsembleModel} (course §3.3: "train several models ... as long as we can
 * train a sufficiently diverse set of models"). Two ways, by how many estimators it is given:
 * <ul>
 *   <li>one estimator: J = {@code numMembers} copies of it, member j trained with its {@code seed} Param set to
 *       the j-th seed derived from this stage's {@code seed} (see {@link MemberSeeds}); the estimator must have a
 *       {@code seed} Param, as DeepClassifier and DeepRegressor do, unless J = 1;</li>
 *   <li>J estimators: each trained once as configured ({@code numMembers} is J).</li>
 * </ul>
 * Each member trains by its own {@code fit} on the whole DataFrame, so our network estimators train distributed;
 * the members train one after the other, and the input is cached meanwhile unless it already is (as MLlib's
 * OneVsRest does). No bootstrap resampling: the course's ensembles differ by seed or configuration, not data.
 *
 * <p>{@code copy(extra)} passes {@code extra} on to the member estimators, so a CrossValidator grid can tune the
 * members' Params (say {@code base.learningRate()}) as well as {@code numMembers}.
 *
 * <pre>{@code
 * EnsembleModel ensemble = new EnsembleEstimator(new DeepClassifier().setHiddenLayers(new int[]{32}))
 *     .setNumMembers(5).setSeed(7).setVoting("soft").fit(train);
 * }</pre>
 */
public class EnsembleEstimator extends Estimator<EnsembleModel>
        implements HasEnsembleParams<EnsembleEstimator>, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleEstimator.class);

    private final String uid;
    private final EnsembleParamSet ensembleParams;
    private final IntParam numMembers;
    private final LongParam seed;
    private List<Estimator<?>> estimators = List.of();

    /**
     * An ensemble without estimators, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect
     * finds stages that way); fitting it fails until estimators are set.
     */
    public EnsembleEstimator() {
        this(Identifiable$.MODULE$.randomUID("ensemble"));
    }

    /** For Spark's reflection (readers and copies); the estimators are set by the reader. */
    public EnsembleEstimator(String uid) {
        this(StageUid.stash(uid));
    }

    private EnsembleEstimator(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.ensembleParams = new EnsembleParamSet(this);
        this.numMembers = new IntParam(this, "numMembers",
                "J, the number of members; with one estimator, J copies of it differing in seed; with several,"
                        + " their number, > 0 (default 5)",
                Validators.positiveInt());
        this.seed = new LongParam(this, "seed",
                "seed from which the copies' seeds derive, used when the ensemble is given one estimator"
                        + " (default 42)",
                Validators.of(v -> true));
        setEnsembleDefaults();
        setDefault(numMembers, 5);
        setDefault(seed, 42L);
    }

    /** {@code numMembers} copies of {@code base} with derived seeds. */
    public EnsembleEstimator(Estimator<?> base) {
        this(Identifiable$.MODULE$.randomUID("ensemble"));
        setEstimators(List.of(base));
    }

    /**
     * Each of {@code estimators} trained once; {@code numMembers} is set to their number. A list of one is one
     * estimator: its single member gets the first derived seed.
     */
    public EnsembleEstimator(List<? extends Estimator<?>> estimators) {
        this(Identifiable$.MODULE$.randomUID("ensemble"));
        setEstimators(estimators);
        set(numMembers, estimators.size());
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public EnsembleParamSet ensembleParams() {
        return ensembleParams;
    }

    public IntParam numMembers() {
        return numMembers;
    }

    public LongParam seed() {
        return seed;
    }

    public int getNumMembers() {
        return (Integer) getOrDefault(numMembers);
    }

    public long getSeed() {
        return (Long) getOrDefault(seed);
    }

    public EnsembleEstimator setNumMembers(int value) {
        return (EnsembleEstimator) set(numMembers, value);
    }

    public EnsembleEstimator setSeed(long value) {
        return (EnsembleEstimator) set(seed, value);
    }

    /** The estimators as given (one base, or one per member). */
    public List<Estimator<?>> estimators() {
        return estimators;
    }

    /** @throws IllegalArgumentException unless all are Predictors of one kind */
    final void setEstimators(List<? extends Estimator<?>> given) {
        if (given == null || given.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one estimator");
        }
        EnsembleKind first = EnsembleKind.ofEstimator(0, given.get(0));
        for (int j = 1; j < given.size(); j++) {
            EnsembleKind k = EnsembleKind.ofEstimator(j, given.get(j));
            if (k != first) {
                throw new IllegalArgumentException("estimator " + j + " is " + EnsembleKind.describe(given.get(j))
                        + ", a " + k.noun() + ", but estimator 0 is a " + first.noun() + "; an ensemble combines"
                        + " models of one kind");
            }
        }
        this.estimators = Collections.unmodifiableList(new ArrayList<>(given));
    }

    private EnsembleKind kind() {
        if (estimators.isEmpty()) {
            throw new IllegalStateException(uid() + " has no estimators; construct it with new"
                    + " EnsembleEstimator(estimator) or new EnsembleEstimator(listOfEstimators)");
        }
        return EnsembleKind.ofEstimator(0, estimators.get(0));
    }

    /** J, checked against the estimators given. */
    private int resolveNumMembers() {
        int j = getNumMembers();
        if (estimators.size() > 1 && estimators.size() != j) {
            throw new IllegalArgumentException("numMembers is " + j + " but the ensemble was given " + estimators.size()
                    + " estimators; with several estimators each trains one member, so leave numMembers at their"
                    + " number, or give one estimator to train numMembers seeded copies of it");
        }
        if (estimators.size() == 1 && j > 1) {
            MemberSeeds.requireSeed(estimators.get(0), j);
        }
        return j;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        EnsembleKind kind = kind();
        resolveNumMembers();
        EnsembleSchema.Outputs outputs = EnsembleSchema.Outputs.of(this, kind);
        DataType common = null;
        for (int j = 0; j < estimators.size(); j++) {
            Estimator<?> e = estimators.get(j);
            if (outputs.soft() && !(e instanceof ProbabilisticClassifier<?, ?, ?>)) {
                throw new IllegalArgumentException("voting 'soft' averages class probabilities, but estimator " + j
                        + " (" + EnsembleKind.describe(e) + ") does not produce them; set voting to 'hard'");
            }
            DataType type = MemberOutputs.predictionType(e, "estimator", j, schema);
            if (kind == EnsembleKind.REGRESSION) {
                common = EnsembleSchema.requireSamePrediction(common, type, j);
            }
        }
        return EnsembleSchema.append(schema, outputs, 0, kind == EnsembleKind.CLASSIFICATION ? DataTypes.DoubleType
                : common);
    }

    @Override
    public EnsembleModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        int count = resolveNumMembers();
        boolean cache = dataset.storageLevel().equals(StorageLevel.NONE());
        Dataset<?> data = cache ? dataset.persist(StorageLevel.MEMORY_AND_DISK()) : dataset;
        try {
            long[] seeds = MemberSeeds.derive(getSeed(), count);
            List<Model<?>> members = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                Instant started = Instant.now();
                members.add(estimators.size() > 1 ? estimators.get(j).fit(data) : fitCopy(data, seeds[j]));
                LOG.info("{}: member {}/{} trained in {} s", uid(), j + 1, count,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
            }
            EnsembleModel model = new EnsembleModel(uid(), members);
            return copyValues(model, ParamMap.empty()).setParent(this);
        } finally {
            if (cache) {
                data.unpersist(false);
            }
        }
    }

    private Model<?> fitCopy(Dataset<?> data, long memberSeed) {
        Estimator<?> base = estimators.get(0);
        return MemberSeeds.hasSeed(base) ? base.fit(data, MemberSeeds.withSeed(base, memberSeed)) : base.fit(data);
    }

    /** A copy whose estimators are copied with {@code extra} too, so tuning reaches the members' Params. */
    @Override
    public EnsembleEstimator copy(ParamMap extra) {
        EnsembleEstimator copy = new EnsembleEstimator(uid);
        List<Estimator<?>> copies = new ArrayList<>();
        for (Estimator<?> e : estimators) {
            copies.add(e.copy(extra));
        }
        copy.estimators = Collections.unmodifiableList(copies);
        return copyValues(copy, extra);
    }

    // ---- persistence ----

    /**
     * Saves the Params and each estimator with its own writer under {@code path/estimators/j}.
     *
     * @throws IllegalStateException if an estimator is not MLWritable
     */
    @Override
    public MLWriter write() {
        return new EnsembleEstimatorPersistence.Writer(this);
    }

    public static MLReader<EnsembleEstimator> read() {
        return new EnsembleEstimatorPersistence.Reader();
    }

    public static EnsembleEstimator load(String path) {
        return read().load(path);
    }
}
