package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.stage.NetworkEstimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;

/**
 * A one-to-many recurrent network (course §7.2): generates a sequence from a feature vector, one step at a time,
 * each step reading the vector and the previous output (see {@link GeneratorLayout}). Trained with teacher
 * forcing by parameter averaging; {@code transform} generates greedily.
 *
 * <p>Input: a {@code Vector} features column and a target column: {@code array<int>} token ids (with
 * {@code vocabularySize}; generation stops at the end token, id 3, or after {@code maxOutputLength} steps) or
 * {@code array<double>} values (generation runs {@code maxOutputLength} steps). Output: the generated
 * {@code array<int>} or {@code array<double>}. {@code bidirectional} is refused (a generator reads its own outputs
 * left to right); {@code embeddingSize} is unused (the previous token is fed one-hot).
 */
public class SequenceGenerator extends NetworkEstimator<SequenceGenerator, SequenceGeneratorModel>
        implements HasSequenceParams<SequenceGenerator>, ColumnParams<SequenceGenerator> {
    private static final long serialVersionUID = 1L;

    private final SequenceParamSet sequenceParams;
    private final ColumnParamSet columnParams;
    private final IntParam maxOutputLength;

    public SequenceGenerator() {
        this(Identifiable$.MODULE$.randomUID("sequenceGenerator"));
    }

    public SequenceGenerator(String uid) {
        super(StageUid.stash(uid));
        this.sequenceParams = new SequenceParamSet(this);
        this.columnParams = ColumnParamSet.forGenerator(this);
        setSequenceDefaults();
        this.maxOutputLength = GeneratorParams.maxOutputLength(this);
        setColumnDefaults();
        setDefault(maxOutputLength, 50);
    }

    @Override
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public ColumnParamSet columnParams() {
        return columnParams;
    }

    /** Longest generated sequence, > 0 (default 50); value sequences are always this long. */
    public IntParam maxOutputLength() {
        return maxOutputLength;
    }

    public int getMaxOutputLength() {
        return (Integer) getOrDefault(maxOutputLength);
    }

    public SequenceGenerator setMaxOutputLength(int value) {
        return (SequenceGenerator) set(maxOutputLength, value);
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        GeneratedOutput output = GeneratedOutput.of(schema, getLabelCol(), getVocabularySize());
        return SequenceSchemas.with(schema, getPredictionCol(), "predictionCol", output.sparkType(),
                Metadata.empty());
    }

    @Override
    public SequenceGeneratorModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        GeneratorFitting.Fitted fitted = GeneratorFitting.fit(this, dataset, trainingListener());
        return copyValues(new SequenceGeneratorModel(uid(), fitted.network(), fitted.layout()), ParamMap.empty())
                .setParent(this);
    }

    // ---- persistence ----

    public static MLReader<SequenceGenerator> read() {
        return ParamsOnlyPersistence.reader(SequenceGenerator.class);
    }

    public static SequenceGenerator load(String path) {
        return read().load(path);
    }
}
