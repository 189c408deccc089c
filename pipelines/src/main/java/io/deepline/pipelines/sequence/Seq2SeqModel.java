package io.deepline.pipelines.sequence;

import io.deepline.models.seq2seq.GreedyDecoder;
import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.sequence.PaddedSteps;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.inference.RowBatchScorer;
import io.deepline.pipelines.core.interop.ScalaCollections;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.NetworkModelFiles;
import io.deepline.pipelines.stage.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** A fitted {@link Seq2Seq}: {@code transform} decodes every source greedily, in padded batches. */
public class Seq2SeqModel extends NetworkModel<Seq2SeqModel> implements HasSeq2SeqParams<Seq2SeqModel> {
    private static final long serialVersionUID = 1L;

    private final Seq2SeqParamSet seq2seqParams;
    private final TransformerParamSet transformerParams;
    private final ColumnParamSet columnParams;
    private FittedNetwork fitted;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public Seq2SeqModel() {
        this(Identifiable$.MODULE$.randomUID("seq2seq"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public Seq2SeqModel(String uid) {
        super(StageUid.stash(uid));
        this.seq2seqParams = new Seq2SeqParamSet(this);
        this.transformerParams = new TransformerParamSet(this);
        this.columnParams = ColumnParamSet.forSeq2Seq(this);
        setSeq2SeqDefaults();
    }

    Seq2SeqModel(String uid, FittedNetwork fitted) {
        this(uid);
        this.fitted = fitted;
    }

    @Override
    public Seq2SeqParamSet seq2seqParams() {
        return seq2seqParams;
    }

    @Override
    public TransformerParamSet transformerParams() {
        return transformerParams;
    }

    @Override
    public ColumnParamSet columnParams() {
        return columnParams;
    }

    @Override
    public FittedNetwork fittedNetwork() {
        if (fitted == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from Seq2Seq.fit or"
                    + " Seq2SeqModel.load(path)");
        }
        return fitted;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Seq2SeqSchemas.requireSource(schema, getFeaturesCol());
        return Seq2SeqSchemas.withPrediction(schema, getPredictionCol());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outputSchema = transformSchema(dataset.schema(), true);
        Broadcast<NetworkSnapshot> bc = fittedNetwork().broadcastForScoring(dataset.sparkSession().sparkContext());
        SequenceReader reader = new SequenceReader(SequenceInput.TOKEN_IDS, 1, getSourceVocabularySize(),
                getMaxSequenceLength(), getTruncation(), getFeaturesCol());
        int sourceIndex = List.of(dataset.schema().fieldNames()).indexOf(getFeaturesCol());
        return dataset.toDF().mapPartitions(new Decoding(bc, sourceIndex, reader, getMaxOutputLength(),
                getInferenceBatchSize()), Encoders.row(outputSchema));
    }

    /** Greedy decoding of one padded batch of sources at a time; each row's output depends on its source only. */
    private static final class Decoding extends RowBatchScorer {
        private static final long serialVersionUID = 1L;

        private final int sourceIndex;
        private final SequenceReader reader;
        private final int maxOutputLength;

        Decoding(Broadcast<NetworkSnapshot> network, int sourceIndex, SequenceReader reader, int maxOutputLength,
                 int batchSize) {
            super(network, batchSize);
            this.sourceIndex = sourceIndex;
            this.reader = reader;
            this.maxOutputLength = maxOutputLength;
        }

        @Override
        protected List<List<Object>> scoreBatch(Network net, List<Row> batch, long firstPosition) {
            int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
            List<float[]> sources = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                sources.add(reader.read(batch.get(i).get(sourceIndex), "row " + (firstPosition + i)
                        + " of partition " + partition));
            }
            PaddedSteps padded = PaddedSteps.of(sources, 1);
            List<List<Object>> out = new ArrayList<>(batch.size());
            for (int[] ids : new GreedyDecoder(net, maxOutputLength).decode(padded.featuresArray(),
                    padded.maskArray())) {
                List<Object> values = new ArrayList<>(ids.length);
                for (int id : ids) {
                    values.add(id);
                }
                out.add(List.of(ScalaCollections.toScalaSeq(values)));
            }
            return out;
        }
    }

    @Override
    public Seq2SeqModel copy(ParamMap extra) {
        return copyValues(new Seq2SeqModel(uid(), fittedNetwork().deepCopy()), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new MLWriter() {
            @Override
            public void saveImpl(String path) {
                FittedNetwork f = fittedNetwork();
                NetworkModelFiles.save(Seq2SeqModel.this, path, sc(), Json.MAPPER.createObjectNode(), f.snapshot(),
                        f.history(), f.provenance());
            }
        };
    }

    public static MLReader<Seq2SeqModel> read() {
        return new MLReader<>() {
            @Override
            public Seq2SeqModel load(String path) {
                NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), Seq2SeqModel.class);
                Seq2SeqModel model = new Seq2SeqModel(saved.metadata().uid(), new FittedNetwork(saved.network(), 1,
                        saved.history(), saved.provenance()));
                saved.metadata().applyParamsTo(model);
                return model;
            }
        };
    }

    public static Seq2SeqModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "Seq2SeqModel: uid=" + uid() + ", cell=" + getCell() + ", hiddenSize=" + getHiddenSize() + ", context="
                + getContext();
    }
}
