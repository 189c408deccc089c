package io.deepline.pipelines.sequence;

import io.deepline.models.spec.SequenceOutput;
import io.deepline.models.spec.SequencePooling;
import java.util.OptionalInt;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.stage.NetworkEstimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * An aligned many-to-many recurrent classifier (course §7.2): one class per step, e.g. a part-of-speech or entity
 * tag for every token, from the recurrent state at that step, trained data-parallel by parameter averaging.
 * Padded steps carry no loss.
 *
 * <p>Input: a sequence features column ({@code array<array<double>>}, {@code array<int>} token ids with
 * {@code vocabularySize} set, or {@code array<double>}) and an {@code array<double>} label column with a 0-based
 * class for every step. Output: {@code array<double>} predicted classes, as long as the input sequence
 * ({@code maxSequenceLength} cuts training sequences only; scoring reads whole sequences).
 */
public class SequenceTagger extends NetworkEstimator<SequenceTagger, SequenceTaggerModel>
        implements HasSequenceParams<SequenceTagger>, ColumnParams<SequenceTagger> {
    private static final long serialVersionUID = 1L;

    private final SequenceParamSet sequenceParams;
    private final ColumnParamSet columnParams;

    public SequenceTagger() {
        this(Identifiable$.MODULE$.randomUID("sequenceTagger"));
    }

    public SequenceTagger(String uid) {
        super(StageUid.stash(uid));
        this.sequenceParams = new SequenceParamSet(this);
        this.columnParams = ColumnParamSet.forTagger(this);
        setSequenceDefaults();
        setColumnDefaults();
    }

    @Override
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public ColumnParamSet columnParams() {
        return columnParams;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceInput.of(schema, getFeaturesCol(), getVocabularySize());
        SequenceSchemas.requireLabel(schema, getLabelCol(), SequenceLabel.PER_STEP, "SequenceTagger");
        return SequenceSchemas.withStepPredictions(schema, getPredictionCol());
    }

    @Override
    public SequenceTaggerModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        SequenceFitting.Fitted fitted = SequenceFitting.fit(this, "SequenceTagger", dataset, getFeaturesCol(),
                getLabelCol(), new SequenceFitting.Task(SequenceLabel.PER_STEP, true),
                NetworkBlueprint.recurrent(this, SequenceOutput.PER_STEP, SequencePooling.LAST), OptionalInt.empty(),
                trainingListener());
        SequenceTaggerModel model = new SequenceTaggerModel(uid(), fitted.network(), fitted.input(),
                fitted.data().target().width());
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    // ---- persistence ----

    public static MLReader<SequenceTagger> read() {
        return ParamsOnlyPersistence.reader(SequenceTagger.class);
    }

    public static SequenceTagger load(String path) {
        return read().load(path);
    }
}
