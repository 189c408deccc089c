package io.deepline.pipelines.sequence;

import io.deepline.models.spec.SequenceOutput;
import io.deepline.pipelines.core.data.ClassLabels;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.stage.NetworkClassifier;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A many-to-one recurrent classifier (course §7.2): one class per sequence, read from the recurrent states pooled
 * over the real steps ({@code pooling} last, mean or max), trained data-parallel by parameter averaging.
 *
 * <p>Input: a sequence features column ({@code array<array<double>>} time × features, {@code array<int>} token
 * ids with {@code vocabularySize} set, or {@code array<double>}) and a 0-based class-index label. Output: MLlib's
 * {@code rawPrediction} (log class probabilities), {@code probability} and {@code prediction}.
 *
 * <pre>{@code
 * SequenceClassifier clf = new SequenceClassifier().setFeaturesCol("ids").setVocabularySize(indexer.vocabularySize())
 *     .setCell("lstm").setHiddenSize(64).setPooling("max").setMaxSequenceLength(200).setMaxEpochs(5);
 * }</pre>
 */
public class SequenceClassifier extends NetworkClassifier<Object, SequenceClassifier, SequenceClassificationModel>
        implements HasSequenceParams<SequenceClassifier>, SequencePoolingParam<SequenceClassifier> {
    private static final long serialVersionUID = 1L;

    private final SequenceParamSet sequenceParams;
    private final Param<String> pooling;

    public SequenceClassifier() {
        this(Identifiable$.MODULE$.randomUID("sequenceClassifier"));
    }

    public SequenceClassifier(String uid) {
        super(StageUid.stash(uid));
        this.sequenceParams = new SequenceParamSet(this);
        this.pooling = SequencePoolingParam.create(this);
        setSequenceDefaults();
        setDefault(pooling, "last");
    }

    @Override
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public Param<String> pooling() {
        return pooling;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceInput.of(schema, getFeaturesCol(), getVocabularySize());
        SequenceSchemas.requireLabel(schema, getLabelCol(), SequenceLabel.PER_SEQUENCE, "SequenceClassifier");
        return SequenceSchemas.withClassifierColumns(schema, getRawPredictionCol(), getProbabilityCol(),
                getPredictionCol(), -1);
    }

    @Override
    public SequenceClassificationModel train(Dataset<?> dataset) {
        SequenceFitting.Fitted fitted = SequenceFitting.fit(this, "SequenceClassifier", dataset, getFeaturesCol(),
                getLabelCol(), new SequenceFitting.Task(SequenceLabel.PER_SEQUENCE, true),
                NetworkBlueprint.recurrent(this, SequenceOutput.MANY_TO_ONE, getSequencePooling()),
                ClassLabels.declaredNumClasses(dataset.schema().apply(getLabelCol())), trainingListener());
        return new SequenceClassificationModel(uid(), fitted.network(), fitted.input(),
                fitted.data().target().width());
    }

    // ---- persistence ----

    public static MLReader<SequenceClassifier> read() {
        return ParamsOnlyPersistence.reader(SequenceClassifier.class);
    }

    public static SequenceClassifier load(String path) {
        return read().load(path);
    }
}
