package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.stage.NetworkEstimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * An unaligned sequence-to-sequence model (course §7.3, §8.2): a recurrent encoder reads the source tokens, and an
 * attentive GRU decoder emits the target tokens, its context c_t' = Σ_t α(s_{t'−1}, h_t) h_t (eq. 36) taken over
 * the real source steps ({@code context} = last fixes it to h_T instead, the bottleneck baseline). Trained with
 * teacher forcing by parameter averaging; {@code transform} decodes greedily up to the end token or
 * {@code maxOutputLength} tokens.
 *
 * <p>With {@code architecture} = transformer the network is a Transformer encoder-decoder instead (course §8.3;
 * Vaswani et al. 2017): self-attention encoder blocks, and decoder blocks with causal self-attention and
 * cross-attention over the encoder's outputs, sized by {@code modelDim}, {@code numHeads}, {@code ffDim},
 * {@code numLayers} and {@code preNorm}. Training, decoding, columns and persistence are the same.
 *
 * <p>Input: {@code array<int>} source and target token ids (e.g. from {@code TokenIndexer}; reserved ids 0 pad,
 * 1 unknown, 2 begin, 3 end), with {@code sourceVocabularySize} and {@code targetVocabularySize} set. Output: the
 * decoded {@code array<int>}, which {@code TokenIndexerModel.decode} turns back into words.
 */
public class Seq2Seq extends NetworkEstimator<Seq2Seq, Seq2SeqModel>
        implements HasSeq2SeqParams<Seq2Seq> {
    private static final long serialVersionUID = 1L;

    private final Seq2SeqParamSet seq2seqParams;
    private final TransformerParamSet transformerParams;
    private final ColumnParamSet columnParams;

    public Seq2Seq() {
        this(Identifiable$.MODULE$.randomUID("seq2seq"));
    }

    public Seq2Seq(String uid) {
        super(StageUid.stash(uid));
        this.seq2seqParams = new Seq2SeqParamSet(this);
        this.transformerParams = new TransformerParamSet(this);
        this.columnParams = ColumnParamSet.forSeq2Seq(this);
        setSeq2SeqDefaults();
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

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        Seq2SeqSchemas.requireSource(schema, getFeaturesCol());
        Seq2SeqSchemas.requireTarget(schema, getLabelCol());
        return Seq2SeqSchemas.withPrediction(schema, getPredictionCol());
    }

    @Override
    public Seq2SeqModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Seq2SeqModel model = new Seq2SeqModel(uid(), Seq2SeqFitting.fit(this, dataset, trainingListener()));
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    // ---- persistence ----

    public static MLReader<Seq2Seq> read() {
        return ParamsOnlyPersistence.reader(Seq2Seq.class);
    }

    public static Seq2Seq load(String path) {
        return read().load(path);
    }
}
