package io.deepline.pipelines.sequence;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.interop.ScalaCollections;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.stage.NetworkModel;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link SequenceTagger}. {@code transform} scores sequences in padded batches on the executors;
 * {@code predict(sequence)} scores one on the driver with the same answer.
 */
public class SequenceTaggerModel
        extends NetworkModel<SequenceTaggerModel>
        implements HasSequenceParams<SequenceTaggerModel>, ColumnParams<SequenceTaggerModel> {
    private static final long serialVersionUID = 1L;

    private final SequenceParamSet sequenceParams;
    private final ColumnParamSet columnParams;
    private TrainedSequence trained;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public SequenceTaggerModel() {
        this(Identifiable$.MODULE$.randomUID("sequenceTagger"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public SequenceTaggerModel(String uid) {
        super(StageUid.stash(uid));
        this.sequenceParams = new SequenceParamSet(this);
        this.columnParams = ColumnParamSet.forTagger(this);
        setSequenceDefaults();
        setColumnDefaults();
    }

    SequenceTaggerModel(String uid, FittedNetwork fitted, SequenceInput input, int numClasses) {
        this(uid);
        setState(fitted, input, numClasses);
    }

    private SequenceTaggerModel(String uid, TrainedSequence trained) {
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
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public ColumnParamSet columnParams() {
        return columnParams;
    }

    /** The number of tag classes. */
    public int numClasses() {
        return trained == null ? 0 : trained.numOutputs();
    }

    /** Features per step (1 for token ids and univariate series). */
    public int numFeatures() {
        return trained == null ? -1 : trained.fitted().numFeatures();
    }

    @Override
    public FittedNetwork fittedNetwork() {
        return trained().fitted();
    }

    private TrainedSequence trained() {
        return TrainedSequence.require(trained, uid(), "SequenceTagger", "SequenceTaggerModel");
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceSchemas.requireTrainedInput(schema, getFeaturesCol(), getVocabularySize(), sequenceInput());
        return SequenceSchemas.withStepPredictions(schema, getPredictionCol());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outputSchema = transformSchema(dataset.schema(), true);
        Broadcast<NetworkSnapshot> bc = fittedNetwork().broadcastForScoring(dataset.sparkSession().sparkContext());
        List<String> inputs = List.of(dataset.schema().fieldNames());
        return dataset.toDF().mapPartitions(new Scorer(bc, inputs.indexOf(getFeaturesCol()), reader(),
                getInferenceBatchSize()), Encoders.row(outputSchema));
    }

    private SequenceReader reader() {
        // No truncation: a tag for every step of the input, however long (recurrent layers take any length).
        return new SequenceReader(sequenceInput(), numFeatures(), getVocabularySize(), 0, getTruncation(),
                getFeaturesCol());
    }

    /** The predicted class of every step of one sequence (a Java List or Scala Seq, as in the features column). */
    public double[] predict(Object sequence) {
        return Scorer.classes(trained().outputs(reader().read(sequence, "value passed to predict")));
    }

    /** Appends the predicted class of every step. */
    private static final class Scorer extends SequenceScorer {
        private static final long serialVersionUID = 1L;

        Scorer(Broadcast<NetworkSnapshot> network, int featuresIndex, SequenceReader reader, int batchSize) {
            super(network, featuresIndex, reader, batchSize);
        }

        @Override
        protected List<Object> outputs(float[][] networkOutputs) {
            double[] classes = classes(networkOutputs);
            List<Double> values = new java.util.ArrayList<>(classes.length);
            for (double c : classes) {
                values.add(c);
            }
            return List.of(ScalaCollections.toScalaSeq(values));
        }

        /** The most probable class of each step (the lowest index on ties, as MLlib's argmax). */
        static double[] classes(float[][] stepOutputs) {
            double[] out = new double[stepOutputs.length];
            for (int t = 0; t < stepOutputs.length; t++) {
                int best = 0;
                for (int k = 1; k < stepOutputs[t].length; k++) {
                    best = stepOutputs[t][k] > stepOutputs[t][best] ? k : best;
                }
                out[t] = best;
            }
            return out;
        }
    }

    // ---- copy and persistence ----

    /** A deep copy: the copy never shares a network (or its buffers) with this model. */
    @Override
    public SequenceTaggerModel copy(ParamMap extra) {
        SequenceTaggerModel copy = new SequenceTaggerModel(uid(), trained().deepCopy());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new SequenceModelPersistence.Writer(this, sequenceInput(), numClasses());
    }

    public static MLReader<SequenceTaggerModel> read() {
        return new SequenceModelPersistence.Reader<>(SequenceTaggerModel.class,
                SequenceTaggerModel::setState);
    }

    public static SequenceTaggerModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "SequenceTaggerModel: uid=" + uid() + ", cell=" + getCell() + ", hiddenSize=" + getHiddenSize()
                + ", numFeatures=" + numFeatures() + ", numClasses=" + numClasses();
    }
}
