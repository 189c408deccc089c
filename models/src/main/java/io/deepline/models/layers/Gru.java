package io.deepline.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gated recurrent unit (course §7.1), as a DL4J recurrent layer configuration. For an input step x_t (a row of
 * nIn features) and the previous hidden state h_{t−1} (a row of nOut units, h_0 = 0):
 * <pre>
 *   z_t = σ(x_t W_z + h_{t−1} U_z + b_z)                 update gate
 *   r_t = σ(x_t W_r + h_{t−1} U_r + b_r)                 reset gate
 *   h̃_t = tanh(x_t W_h + (r_t ⊙ h_{t−1}) U_h + b_h)      candidate state
 *   h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t                 interpolation
 * </pre>
 * The course notes name the GRU (§7.1) without writing its equations, so these are Cho et al. (2014) in the
 * convention of the Dive into Deep Learning book: the reset gate multiplies h_{t−1} <em>before</em> the recurrent
 * product, and z_t ≈ 1 <em>keeps</em> the old state (PyTorch's and cuDNN's GRU instead apply r after U_h h_{t−1}
 * plus a second bias). The activations are fixed; {@code .activation(...)} other than tanh is rejected.
 *
 * <p>Shapes: input NCW [batch, nIn, T], output [batch, nOut, T] (the h_t). Parameters (see {@link GruParams}):
 * input weights {@code W} [nIn, 3·nOut], recurrent weights {@code RW} [nOut, 3·nOut], bias {@code b} [1, 3·nOut],
 * each with the gate blocks in the order z, r, h̃. {@code weightInit} initialises W, {@code weightInitRecurrent}
 * (default: weightInit) RW, each gate block with fan-in/fan-out of that block; {@code biasInit} the bias.
 *
 * <p>Masks: with a feature mask m [batch, T] (1 = real step, 0 = padding), a padded step leaves the state unchanged,
 * h_t = h_{t−1}, and outputs 0, as DL4J's recurrent layers zero masked outputs. So the state after a padded sequence
 * is the state after its last real step, and padding (at the end or anywhere) changes nothing else.
 *
 * <p>Works in {@code MultiLayerNetwork} and {@code ComputationGraph}, under {@code RnnOutputLayer},
 * {@code LastTimeStep} and {@code GlobalPoolingLayer}; input dropout and weight noise as for DL4J's layers;
 * {@code rnnTimeStep} continues from the stored state. Truncated BPTT is not supported (an IllegalStateException
 * says so); NWC input is rejected.
 *
 * <p>Why not DL4J's pieces: DL4J 1.0.0-M2.1 has no GRU layer, and a {@code SameDiffLayer} gets twice the true
 * gradient (see {@code Dl4jSameDiffLayerGradientTest}), so {@link GruLayer} computes its own forward and backward
 * pass.
 */
public final class Gru extends BaseRecurrentLayer {
    private static final long serialVersionUID = 1L;

    private Gru() { // for Jackson
    }

    private Gru(Builder builder) {
        super(builder);
        this.activationFn = new ActivationTanH(); // the candidate's; fixed, and says so in the JSON
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        checkBuilt(layerIndex);
        GruLayer layer = new GruLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** A hand-edited JSON configuration bypasses the builder, so the network checks again when it builds. */
    private void checkBuilt(int layerIndex) {
        if (nIn <= 0) {
            throw new IllegalStateException("Gru (layer " + layerIndex + ") nIn is " + nIn + "; set .nIn(features) "
                    + "on its builder or give the network an input type (InputType.recurrent(features))");
        }
        if (nOut <= 0) {
            throw new IllegalStateException("Gru (layer " + layerIndex + ") nOut is " + nOut
                    + "; set .nOut(units) > 0 on its builder");
        }
        if (rnnDataFormat != RNNFormat.NCW) {
            throw new IllegalStateException("Gru (layer " + layerIndex + ") takes NCW input [batch, nIn, T], got "
                    + rnnDataFormat + "; drop .dataFormat(...) and feed NCW sequences");
        }
        if (!(activationFn instanceof ActivationTanH)) {
            throw new IllegalStateException("Gru (layer " + layerIndex + ") candidate activation is tanh, got "
                    + activationFn + "; remove \"activationFn\" from the configuration");
        }
    }

    @Override
    public ParamInitializer initializer() {
        return GruParams.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType output = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, Gru.class, inputType, output)
                .standardMemory(initializer().numParams(this), 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    /** Equal only to another Gru with the same settings (DL4J's recurrent configurations compare their fields). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Gru && super.equals(o);
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof Gru;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Gru.class.hashCode();
    }

    @Override
    public String toString() {
        return "Gru(nIn=" + nIn + ", nOut=" + nOut + ", layerName=" + layerName + ")";
    }

    /** Builds a {@link Gru}: nOut is required, nIn may be left out when the network has an input type. */
    @SuppressWarnings("unchecked") // build() narrows DL4J's generic <E extends Layer> E build(), as DL4J's builders do
    public static final class Builder extends BaseRecurrentLayer.Builder<Builder> {

        /** Features per time step; &gt; 0, or leave it out to infer it from the network's input type. */
        @Override
        public Builder nIn(long nIn) {
            if (nIn <= 0) {
                throw new IllegalArgumentException("Gru nIn is " + nIn + "; it must be > 0 (features per time step), "
                        + "or leave it out to infer it from the network's input type");
            }
            return super.nIn(nIn);
        }

        @Override
        public Builder nIn(int nIn) {
            return nIn((long) nIn);
        }

        /** Hidden units, the size of h_t; &gt; 0. */
        @Override
        public Builder nOut(long nOut) {
            if (nOut <= 0) {
                throw new IllegalArgumentException("Gru nOut is " + nOut + "; it must be > 0 (hidden units)");
            }
            return super.nOut(nOut);
        }

        @Override
        public Builder nOut(int nOut) {
            return nOut((long) nOut);
        }

        @Override
        public Gru build() {
            if (activationFn != null && !(activationFn instanceof ActivationTanH)) {
                throw new IllegalArgumentException("Gru's candidate activation is tanh and its gates' sigmoid "
                        + "(course §7.1), got .activation(" + activationFn + "); remove the .activation(...) call");
            }
            if (rnnDataFormat != null && rnnDataFormat != RNNFormat.NCW) {
                throw new IllegalArgumentException("Gru takes NCW input [batch, nIn, T], got .dataFormat("
                        + rnnDataFormat + "); remove it and feed NCW sequences");
            }
            return new Gru(this);
        }
    }
}
