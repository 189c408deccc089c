package io.deepline.pipelines.sequence;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PredictionModel;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link SequenceRegressor}. {@code transform} scores sequences in padded batches on the executors;
 * {@code predict(sequence)} scores one on the driver with the same answer.
 */
public class SequenceRegressionModel
        extends PredictionModel<Object, SequenceRegressionModel>
        implements HasFittedNetwork, HasSequenceParams<SequenceRegressionModel>,
                SequencePoolingParam<SequenceRegressionModel>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final SequenceParamSet sequenceParams;
    private final TrainingParamSet trainingParams;
    private final Param<String> pooling;
    private TrainedSequence trained;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public SequenceRegressionModel() {
        this(Identifiable$.MODULE$.randomUID("sequenceRegressor"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public SequenceRegressionModel(String uid) {
        this(StageUid.stash(uid));
    }

    private SequenceRegressionModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.sequenceParams = new SequenceParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.pooling = SequencePoolingParam.create(this);
        setSequenceDefaults();
        setTrainingDefaults();
        setDefault(pooling, "last");
    }

    SequenceRegressionModel(String uid, FittedNetwork fitted, SequenceInput input) {
        this(uid);
        setState(fitted, input, 1);
    }

    private SequenceRegressionModel(String uid, TrainedSequence trained) {
        this(uid);
        this.trained = trained;
    }

    /** Installs the fitted state; used by the constructor above and by the reader. */
    final void setState(FittedNetwork fitted, SequenceInput input, int numOutputs) {
        this.trained = new TrainedSequence(fitted, input, numOutputs);
    }

    /** The kind of sequence column the model was trained on. */
    public SequenceInput sequenceInput() {
        return trained().input();
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

    /** Features per step (1 for token ids and univariate series). */
    @Override
    public int numFeatures() {
        return trained == null ? -1 : trained.fitted().numFeatures();
    }

    @Override
    public FittedNetwork fittedNetwork() {
        return trained().fitted();
    }

    private TrainedSequence trained() {
        return TrainedSequence.require(trained, uid(), "SequenceRegressor", "SequenceRegressionModel");
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceSchemas.requireTrainedInput(schema, getFeaturesCol(), getVocabularySize(), sequenceInput());
        return SequenceSchemas.with(schema, getPredictionCol(), "predictionCol", DataTypes.DoubleType,
                Metadata.empty());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outputSchema = transformSchema(dataset.schema(), true);
        if (getPredictionCol().isEmpty()) {
            return dataset.toDF();
        }
        Broadcast<NetworkSnapshot> bc = fittedNetwork().broadcastForScoring(dataset.sparkSession().sparkContext());
        List<String> inputs = List.of(dataset.schema().fieldNames());
        return dataset.toDF().mapPartitions(new Scorer(bc, inputs.indexOf(getFeaturesCol()), reader(),
                getInferenceBatchSize()), Encoders.row(outputSchema));
    }

    private SequenceReader reader() {
        return sequenceReader(sequenceInput(), numFeatures(), getFeaturesCol());
    }

    /** The prediction for one sequence (a Java List or Scala Seq, as in the features column). */
    @Override
    public double predict(Object sequence) {
        return trained().outputs(reader().read(sequence, "value passed to predict"))[0][0];
    }

    /** Appends the prediction. */
    private static final class Scorer extends SequenceScorer {
        private static final long serialVersionUID = 1L;

        Scorer(Broadcast<NetworkSnapshot> network, int featuresIndex, SequenceReader reader, int batchSize) {
            super(network, featuresIndex, reader, batchSize);
        }

        @Override
        protected List<Object> outputs(float[][] networkOutputs) {
            return List.of((double) networkOutputs[0][0]);
        }
    }

    // ---- copy and persistence ----

    /** A deep copy: the copy never shares a network (or its buffers) with this model. */
    @Override
    public SequenceRegressionModel copy(ParamMap extra) {
        SequenceRegressionModel copy = new SequenceRegressionModel(uid, trained().deepCopy());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new SequenceModelPersistence.Writer(this, sequenceInput(), 1);
    }

    public static MLReader<SequenceRegressionModel> read() {
        return new SequenceModelPersistence.Reader<>(SequenceRegressionModel.class,
                SequenceRegressionModel::setState);
    }

    public static SequenceRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "SequenceRegressionModel: uid=" + uid + ", cell=" + getCell() + ", hiddenSize=" + getHiddenSize()
                + ", numFeatures=" + numFeatures();
    }
}
