package io.deepline.pipelines.generative;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.stage.NetworkModel;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.Arrays;
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
 * A fitted {@link AutoEncoder}. {@code transform} appends, per row of features x ∈ R^D:
 * <ul>
 *   <li>{@code codeCol}: the code h = f(x), the activations of the linear bottleneck layer, a Vector of
 *       {@code codeSize};
 *   <li>{@code reconstructionErrorCol}: the mean squared error (1/D)·Σ_j (x_j − x̂_j)² between x and its
 *       reconstruction x̂ = g(f(x)) (the output layer's mean: identity for mse, sigmoid for xent), whatever the
 *       training loss, so errors compare across models.
 * </ul>
 * Either column is skipped when its Param is empty. Scoring runs batched on the executors in inference mode.
 */
public class AutoEncoderModel extends NetworkModel<AutoEncoderModel>
        implements HasAutoEncoderParams<AutoEncoderModel> {
    private static final long serialVersionUID = 1L;

    private final AutoEncoderParamSet autoEncoderParams;
    private FittedNetwork fitted;
    private int codeLayerIndex;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public AutoEncoderModel() {
        this(Identifiable$.MODULE$.randomUID("autoEncoder"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public AutoEncoderModel(String uid) {
        super(StageUid.stash(uid));
        this.autoEncoderParams = new AutoEncoderParamSet(this);
        setAutoEncoderDefaults();
    }

    AutoEncoderModel(String uid, NetworkSnapshot network, int numFeatures, int codeLayerIndex,
                     TrainingHistory history, Provenance provenance) {
        this(uid);
        setState(network, numFeatures, codeLayerIndex, history, provenance);
    }

    final void setState(NetworkSnapshot network, int numFeatures, int codeLayerIndex, TrainingHistory history,
                        Provenance provenance) {
        this.fitted = new FittedNetwork(network, numFeatures, history, provenance);
        this.codeLayerIndex = codeLayerIndex;
    }

    @Override
    public AutoEncoderParamSet autoEncoderParams() {
        return autoEncoderParams;
    }

    /** The width D of the vectors the model encodes, or -1 if it was never fitted. */
    public int numFeatures() {
        return fitted == null ? -1 : fitted.numFeatures();
    }

    /** The 0-based index of the code layer in the network's layer stack. */
    public int codeLayerIndex() {
        return codeLayerIndex;
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        return AutoEncoderSchema.withOutputs(schema, this);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        fittedNetwork();
        StructType outputSchema = transformSchema(dataset.schema(), true);
        boolean writeCode = !getCodeCol().isEmpty();
        boolean writeError = !getReconstructionErrorCol().isEmpty();
        if (!writeCode && !writeError) {
            return dataset.toDF();
        }
        Broadcast<NetworkSnapshot> bc = fitted.broadcastForScoring(dataset.sparkSession().sparkContext());
        AutoEncoderScorer scorer = new AutoEncoderScorer(bc, getInferenceBatchSize(),
                Arrays.asList(dataset.schema().fieldNames()).indexOf(getFeaturesCol()), getFeaturesCol(),
                numFeatures(), codeLayerIndex, writeCode, writeError);
        return dataset.toDF().mapPartitions(scorer, Encoders.row(outputSchema));
    }

    @Override
    public FittedNetwork fittedNetwork() {
        if (fitted == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from AutoEncoder.fit or"
                    + " AutoEncoderModel.load(path)");
        }
        return fitted;
    }

    // ---- copy and persistence ----

    @Override
    public AutoEncoderModel copy(ParamMap extra) {
        FittedNetwork copied = fittedNetwork().deepCopy();
        AutoEncoderModel copy = new AutoEncoderModel(uid(), copied.snapshot(), copied.numFeatures(), codeLayerIndex,
                copied.history(), copied.provenance());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new AutoEncoderModelPersistence.Writer(this);
    }

    public static MLReader<AutoEncoderModel> read() {
        return new AutoEncoderModelPersistence.Reader();
    }

    public static AutoEncoderModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "AutoEncoderModel: uid=" + uid() + ", architecture=" + getArchitecture() + ", numFeatures="
                + numFeatures() + ", hiddenLayers=" + Arrays.toString(getHiddenLayers()) + ", codeSize="
                + getCodeSize();
    }
}
