package io.deepline.pipelines.sequence;

import io.deepline.models.spec.SequenceOutput;
import java.util.OptionalInt;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.core.train.HasTrainingListener;
import io.deepline.pipelines.core.train.TrainingListener;
import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A many-to-one recurrent regressor (course §7.2): one real value per sequence (e.g. the next value of a series),
 * read from the recurrent states pooled over the real steps ({@code pooling} last, mean or max), with squared
 * loss, trained data-parallel by parameter averaging.
 *
 * <p>Input: a sequence features column ({@code array<array<double>>}, {@code array<int>} token ids with
 * {@code vocabularySize} set, or {@code array<double>}) and a numeric label. Output: a double {@code prediction}.
 */
public class SequenceRegressor extends Predictor<Object, SequenceRegressor, SequenceRegressionModel>
        implements HasTrainingListener, HasSequenceParams<SequenceRegressor>,
                SequencePoolingParam<SequenceRegressor>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final SequenceParamSet sequenceParams;
    private final TrainingParamSet trainingParams;
    private final Param<String> pooling;
    private transient TrainingListener listener = TrainingListener.NONE;

    public SequenceRegressor() {
        this(Identifiable$.MODULE$.randomUID("sequenceRegressor"));
    }

    public SequenceRegressor(String uid) {
        this(StageUid.stash(uid));
    }

    private SequenceRegressor(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.sequenceParams = new SequenceParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.pooling = SequencePoolingParam.create(this);
        setSequenceDefaults();
        setTrainingDefaults();
        setDefault(pooling, "last");
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public TrainingParamSet trainingParams() {
        return trainingParams;
    }

    @Override
    public Param<String> pooling() {
        return pooling;
    }

    // ---- setters (fluent, as MLlib's) ----

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public SequenceRegressor setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceInput.of(schema, getFeaturesCol(), getVocabularySize());
        SequenceSchemas.requireLabel(schema, getLabelCol(), SequenceLabel.PER_SEQUENCE, "SequenceRegressor");
        return SequenceSchemas.with(schema, getPredictionCol(), "predictionCol", DataTypes.DoubleType,
                Metadata.empty());
    }

    @Override
    public SequenceRegressionModel train(Dataset<?> dataset) {
        SequenceFitting.Fitted fitted = SequenceFitting.fit(this, "SequenceRegressor", dataset, getFeaturesCol(),
                getLabelCol(), new SequenceFitting.Task(SequenceLabel.PER_SEQUENCE, false),
                NetworkBlueprint.recurrent(this, SequenceOutput.MANY_TO_ONE, getSequencePooling()), OptionalInt.empty(),
                listener);
        return new SequenceRegressionModel(uid(), fitted.network(), fitted.input());
    }

    @Override
    public SequenceRegressor copy(ParamMap extra) {
        SequenceRegressor copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<SequenceRegressor> read() {
        return ParamsOnlyPersistence.reader(SequenceRegressor.class);
    }

    public static SequenceRegressor load(String path) {
        return read().load(path);
    }
}
