package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.ClassLabels;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.stage.NetworkClassifier;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A many-to-one Transformer classifier (course §8.3): the steps are embedded (token ids) or projected (vectors) to
 * {@code modelDim} features, positional encodings are added, {@code numLayers} encoder blocks of multi-head
 * self-attention and a feed-forward network run, the outputs are pooled ({@code pooling} mean over the real steps,
 * or a learned [CLS] step) and a softmax gives the class; trained data-parallel by parameter averaging.
 *
 * <p>Input and output columns are {@link SequenceClassifier}'s: a sequence features column ({@code array<int>} token
 * ids with {@code vocabularySize} set, {@code array<array<double>>} time × features, or {@code array<double>}) and a
 * 0-based class-index label; MLlib's {@code rawPrediction} (log class probabilities), {@code probability} and
 * {@code prediction}. Attention costs T² per sequence, so long texts want {@code maxSequenceLength}.
 *
 * <pre>{@code
 * TransformerClassifier clf = new TransformerClassifier().setFeaturesCol("ids")
 *     .setVocabularySize(indexer.vocabularySize()).setModelDim(32).setNumHeads(4).setNumLayers(2)
 *     .setMaxSequenceLength(100).setMaxEpochs(5);
 * }</pre>
 */
public class TransformerClassifier
        extends NetworkClassifier<Object, TransformerClassifier, TransformerClassificationModel>
        implements HasTransformerClassifierParams<TransformerClassifier> {
    private static final long serialVersionUID = 1L;

    private final TransformerClassifierParamSet params;

    public TransformerClassifier() {
        this(Identifiable$.MODULE$.randomUID("transformerClassifier"));
    }

    public TransformerClassifier(String uid) {
        super(StageUid.stash(uid));
        this.params = new TransformerClassifierParamSet(this);
        setTransformerClassifierDefaults();
    }

    @Override
    public TransformerClassifierParamSet transformerClassifierParams() {
        return params;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceInput input = SequenceInput.of(schema, getFeaturesCol(), getVocabularySize());
        SequenceSchemas.requireLabel(schema, getLabelCol(), SequenceLabel.PER_SEQUENCE, "TransformerClassifier");
        toTransformerSpec(input); // bad sizes (numHeads not dividing modelDim) fail here, before any job
        return SequenceSchemas.withClassifierColumns(schema, getRawPredictionCol(), getProbabilityCol(),
                getPredictionCol(), -1);
    }

    @Override
    public TransformerClassificationModel train(Dataset<?> dataset) {
        SequenceFitting.Fitted fitted = SequenceFitting.fit(this, "TransformerClassifier", dataset, getFeaturesCol(),
                getLabelCol(), new SequenceFitting.Task(SequenceLabel.PER_SEQUENCE, true),
                input -> toTransformerSpec(input)::initialState,
                ClassLabels.declaredNumClasses(dataset.schema().apply(getLabelCol())), trainingListener());
        return new TransformerClassificationModel(uid(), fitted.network(), fitted.input(),
                fitted.data().target().width());
    }

    // ---- persistence ----

    public static MLReader<TransformerClassifier> read() {
        return ParamsOnlyPersistence.reader(TransformerClassifier.class);
    }

    public static TransformerClassifier load(String path) {
        return read().load(path);
    }
}
