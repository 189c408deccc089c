package io.deepline.pipelines.sequence;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.data.VectorFloats;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.inference.RowBatchScorer;
import io.deepline.pipelines.core.interop.ScalaCollections;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.stage.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;

/** A fitted {@link SequenceGenerator}: {@code transform} generates a sequence greedily for every feature vector. */
public class SequenceGeneratorModel extends NetworkModel<SequenceGeneratorModel>
        implements HasSequenceParams<SequenceGeneratorModel>, ColumnParams<SequenceGeneratorModel> {
    private static final long serialVersionUID = 1L;

    private final SequenceParamSet sequenceParams;
    private final ColumnParamSet columnParams;
    private final IntParam maxOutputLength;
    private FittedNetwork fitted;
    private GeneratorLayout layout;
    private transient Network driver;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public SequenceGeneratorModel() {
        this(Identifiable$.MODULE$.randomUID("sequenceGenerator"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public SequenceGeneratorModel(String uid) {
        super(StageUid.stash(uid));
        this.sequenceParams = new SequenceParamSet(this);
        this.columnParams = ColumnParamSet.forGenerator(this);
        this.maxOutputLength = GeneratorParams.maxOutputLength(this);
        setSequenceDefaults();
        setColumnDefaults();
        setDefault(maxOutputLength, 50);
    }

    SequenceGeneratorModel(String uid, FittedNetwork fitted, GeneratorLayout layout) {
        this(uid);
        setState(fitted, layout);
    }

    final void setState(FittedNetwork fitted, GeneratorLayout layout) {
        this.fitted = fitted;
        this.layout = layout;
        this.driver = null;
    }

    @Override
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public ColumnParamSet columnParams() {
        return columnParams;
    }

    public IntParam maxOutputLength() {
        return maxOutputLength;
    }

    public int getMaxOutputLength() {
        return (Integer) getOrDefault(maxOutputLength);
    }

    public SequenceGeneratorModel setMaxOutputLength(int value) {
        return (SequenceGeneratorModel) set(maxOutputLength, value);
    }

    /** Tokens or values. */
    public GeneratedOutput generatedOutput() {
        fittedNetwork();
        return layout.output();
    }

    GeneratorLayout layout() {
        fittedNetwork();
        return layout;
    }

    @Override
    public FittedNetwork fittedNetwork() {
        if (fitted == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from SequenceGenerator.fit"
                    + " or SequenceGeneratorModel.load(path)");
        }
        return fitted;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        return SequenceSchemas.with(schema, getPredictionCol(), "predictionCol", generatedOutput().sparkType(),
                Metadata.empty());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outputSchema = transformSchema(dataset.schema(), true);
        Broadcast<NetworkSnapshot> bc = fittedNetwork().broadcastForScoring(dataset.sparkSession().sparkContext());
        int featuresIndex = List.of(dataset.schema().fieldNames()).indexOf(getFeaturesCol());
        return dataset.toDF().mapPartitions(new Scorer(bc, featuresIndex, getFeaturesCol(), layout,
                getMaxOutputLength(), getInferenceBatchSize()), Encoders.row(outputSchema));
    }

    /** Generates for one batch of rows at a time. */
    private static final class Scorer extends RowBatchScorer {
        private static final long serialVersionUID = 1L;

        private final int featuresIndex;
        private final String featuresCol;
        private final GeneratorLayout layout;
        private final int maxOutputLength;

        Scorer(Broadcast<NetworkSnapshot> network, int featuresIndex, String featuresCol, GeneratorLayout layout,
               int maxOutputLength, int batchSize) {
            super(network, batchSize);
            this.featuresIndex = featuresIndex;
            this.featuresCol = featuresCol;
            this.layout = layout;
            this.maxOutputLength = maxOutputLength;
        }

        @Override
        protected List<List<Object>> scoreBatch(Network net, List<Row> batch, long firstPosition) {
            List<float[]> xs = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Object value = batch.get(i).get(featuresIndex);
                if (!(value instanceof Vector v) || v.size() != layout.numFeatures()) {
                    throw new IllegalArgumentException("the features column '" + featuresCol + "' row "
                            + (firstPosition + i) + " holds " + (value == null ? "null" : "a vector of size "
                            + ((Vector) value).size()) + " but the model was trained on vectors of size "
                            + layout.numFeatures());
                }
                xs.add(VectorFloats.of(v));
            }
            List<List<Object>> out = new ArrayList<>(batch.size());
            for (double[] generated : GreedyGeneration.generate(net.asMultiLayer(), layout, xs, maxOutputLength)) {
                List<Object> values = new ArrayList<>(generated.length);
                for (double g : generated) {
                    values.add(layout.output() == GeneratedOutput.TOKENS ? (Object) (int) g : (Object) g);
                }
                out.add(List.of(ScalaCollections.toScalaSeq(values)));
            }
            return out;
        }
    }

    /** The generated sequence for one feature vector, on the driver (token ids as doubles). */
    public double[] generate(Vector features) {
        if (features.size() != layout().numFeatures()) {
            throw new IllegalArgumentException("the features vector has size " + features.size()
                    + " but the model was trained on " + layout.numFeatures());
        }
        synchronized (this) { // DL4J networks are not thread-safe: driver calls take turns on one network
            if (driver == null) {
                driver = fittedNetwork().snapshot().restoreForInference();
            }
            return GreedyGeneration.generate(driver.asMultiLayer(), layout, List.of(VectorFloats.of(features)),
                    getMaxOutputLength()).get(0);
        }
    }

    @Override
    public SequenceGeneratorModel copy(ParamMap extra) {
        SequenceGeneratorModel copy = new SequenceGeneratorModel(uid(), fittedNetwork().deepCopy(), layout);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new GeneratorModelPersistence.Writer(this);
    }

    public static MLReader<SequenceGeneratorModel> read() {
        return new GeneratorModelPersistence.Reader();
    }

    public static SequenceGeneratorModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "SequenceGeneratorModel: uid=" + uid() + ", cell=" + getCell() + ", hiddenSize=" + getHiddenSize()
                + ", output=" + (layout == null ? "none" : layout.output());
    }
}
