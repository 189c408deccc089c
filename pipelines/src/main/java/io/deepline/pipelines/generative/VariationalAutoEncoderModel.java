package io.deepline.pipelines.generative;

import io.deepline.models.optim.VaeElboStep;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.stage.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fitted {@link VariationalAutoEncoder}. {@code transform} appends, batch by batch on the executors, the latent
 * mean μ(x) of q(z|x) ({@code latentMeanCol}, a Vector of {@code latentSize}) and the reconstruction
 * log-probability (1/L) Σ_l log p(x | z_l), z_l ~ q(z|x), over L = {@code numSamples} draws
 * ({@code reconstructionLogProbCol}; higher means the row looks like the training data, e.g. for anomaly
 * detection as An &amp; Cho 2015). {@link #sample} decodes z ~ N(0, I) into new rows.
 */
public class VariationalAutoEncoderModel extends NetworkModel<VariationalAutoEncoderModel>
        implements HasVaeParams<VariationalAutoEncoderModel> {
    private static final long serialVersionUID = 1L;

    private final VaeParamSet vaeParams;
    private FittedNetwork fitted;
    private transient MultiLayerNetwork driverNetwork;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public VariationalAutoEncoderModel() {
        this(Identifiable$.MODULE$.randomUID("vae"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public VariationalAutoEncoderModel(String uid) {
        super(StageUid.stash(uid));
        this.vaeParams = new VaeParamSet(this);
        setVaeDefaults();
    }

    VariationalAutoEncoderModel(String uid, FittedNetwork fitted) {
        this(uid);
        this.fitted = fitted;
    }

    @Override
    public VaeParamSet vaeParams() {
        return vaeParams;
    }

    @Override
    public FittedNetwork fittedNetwork() {
        if (fitted == null) {
            throw new IllegalStateException("VariationalAutoEncoderModel " + uid() + " has no network; get one from "
                    + "VariationalAutoEncoder.fit or VariationalAutoEncoderModel.load");
        }
        return fitted;
    }

    /** Installs the loaded state; used by the reader. */
    void setFitted(FittedNetwork value) {
        this.fitted = value;
        this.driverNetwork = null;
    }

    public int numFeatures() {
        return fitted == null ? -1 : fitted.numFeatures();
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        return VariationalAutoEncoder.outputSchema(this, schema);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outputSchema = transformSchema(dataset.schema(), true);
        Broadcast<NetworkSnapshot> bc = fittedNetwork().broadcastForScoring(dataset.sparkSession().sparkContext());
        int featuresIndex = List.of(dataset.schema().fieldNames()).indexOf(getFeaturesCol());
        return dataset.toDF().mapPartitions(new VaeScorer(bc, getInferenceBatchSize(), featuresIndex, numFeatures(),
                getFeaturesCol(), getReconstructionKind(), getNumSamples(), getSeed()), Encoders.row(outputSchema));
    }

    /** The dimension of the latent z, read from the fitted network. */
    public int numLatent() {
        return (int) ((FeedForwardLayer) driverVae().conf().getLayer()).getNOut();
    }

    /**
     * {@code n} new rows from the generative model: z ~ N(0, I) drawn from {@code seed} (the same seed gives the same
     * rows), decoded to the mean of p(x|z) by {@code generateAtMeanGivenZ} (for bernoulli, pixel probabilities in
     * [0, 1]). One column named like {@code featuresCol}, holding Vectors of {@link #numFeatures()} values. The rows
     * are generated on the driver: ask for as many as you would collect.
     */
    public Dataset<Row> sample(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("sample(n, seed) needs n > 0 rows, got " + n);
        }
        float[][] generated = generate(n, seed);
        List<Row> rows = new ArrayList<>(n);
        for (float[] values : generated) {
            double[] x = new double[values.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = values[j];
            }
            rows.add(RowFactory.create(Vectors.dense(x)));
        }
        StructType schema = new StructType().add(getFeaturesCol(), SQLDataTypes.VectorType(), false);
        return SparkSession.active().createDataFrame(rows, schema);
    }

    /** The decoder means for {@code n} seeded draws of z, on the driver's network (calls take turns). */
    private synchronized float[][] generate(int n, long seed) {
        int latent = numLatent();
        Random random = new Random(seed);
        float[] z = new float[n * latent];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        float[] means = VaeScorer.rowMajor(driverVae().generateAtMeanGivenZ(Nd4j.create(z, new long[] {n, latent},
                'c')));
        int width = means.length / n;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(means, i * width, (i + 1) * width);
        }
        return out;
    }

    private synchronized VariationalAutoencoder driverVae() {
        if (driverNetwork == null) {
            driverNetwork = fittedNetwork().snapshot().restoreForInference().asMultiLayer();
        }
        return VaeElboStep.vaeOf(driverNetwork);
    }

    // ---- copy and persistence ----

    /** A deep copy: the copy never shares a network (or its buffers) with this model. */
    @Override
    public VariationalAutoEncoderModel copy(ParamMap extra) {
        VariationalAutoEncoderModel copy = new VariationalAutoEncoderModel(uid(), fittedNetwork().deepCopy());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new VaeModelPersistence.Writer(this);
    }

    public static MLReader<VariationalAutoEncoderModel> read() {
        return new VaeModelPersistence.Reader();
    }

    public static VariationalAutoEncoderModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "VariationalAutoEncoderModel: uid=" + uid() + ", numFeatures=" + numFeatures() + ", latentSize="
                + getLatentSize() + ", reconstruction=" + getReconstructionDistribution();
    }
}
