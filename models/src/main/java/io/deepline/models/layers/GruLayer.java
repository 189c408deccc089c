package io.deepline.models.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The working {@link Gru} inside a network: the forward pass of {@link Gru}'s equations over the time steps and
 * backpropagation through time written out by hand. With m_t the mask column (1 when there is no mask), the step is
 * h_t = h_{t−1} + m_t ⊙ (ĥ_t − h_{t−1}) and out_t = m_t ⊙ ĥ_t, where ĥ_t is the GRU update. Going backwards with
 * δ_t = dL/dout_t and g = dL/dh_t from the later steps:
 * <pre>
 *   dĥ = m ⊙ (δ_t + g)
 *   dz = dĥ ⊙ (h_{t−1} − h̃) ⊙ z ⊙ (1 − z)           (pre-activation gradients)
 *   dh̃ = dĥ ⊙ (1 − z) ⊙ (1 − h̃²)
 *   ρ  = dh̃ U_hᵀ,   dr = ρ ⊙ h_{t−1} ⊙ r ⊙ (1 − r)
 *   g ← (1 − m) ⊙ g + dĥ ⊙ z + ρ ⊙ r + dz U_zᵀ + dr U_rᵀ
 *   dW += x_tᵀ [dz|dr|dh̃],  dU_{z,r} += h_{t−1}ᵀ [dz|dr],  dU_h += (r ⊙ h_{t−1})ᵀ dh̃,  db += Σ_rows [dz|dr|dh̃]
 *   dL/dx_t = [dz|dr|dh̃] Wᵀ
 * </pre>
 * A masked step thus passes g through unchanged and sends nothing to the parameters or the input. The forward pass
 * is recomputed in the backward pass, so the layer keeps no per-batch state; only {@code rnnTimeStep} stores h.
 */
public final class GruLayer extends BaseRecurrentLayer<Gru> {
    private static final long serialVersionUID = 1L;

    /** {@code rnnTimeStep} state: h after the last step seen, [batch, nOut]. */
    public static final String STATE_HIDDEN = "h";

    public GruLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return forward(null, training, false, workspaceMgr).output;
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        Forward pass = forward(stateMap.get(STATE_HIDDEN), false, false, workspaceMgr);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            stateMap.put(STATE_HIDDEN, pass.last.dup());
        }
        return pass.output;
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        throw truncatedBpttUnsupported();
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        throw truncatedBpttUnsupported();
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Forward pass = forward(null, true, true, workspaceMgr);
        long n = layerConf().getNOut();
        long steps = input.size(2);
        if (!Arrays.equals(epsilon.shape(), new long[] {input.size(0), n, steps})) {
            throw new IllegalStateException("Gru " + layerId() + " got an output gradient of shape "
                    + Arrays.toString(epsilon.shape()) + ", expected [" + input.size(0) + ", " + n + ", " + steps + "]");
        }
        INDArray w = getParamWithNoise(GruParams.INPUT_WEIGHTS, true, workspaceMgr);
        INDArray u = getParamWithNoise(GruParams.RECURRENT_WEIGHTS, true, workspaceMgr);
        INDArray uGates = u.get(all(), interval(0, 2 * n));
        INDArray uCandidate = u.get(all(), interval(2 * n, 3 * n));

        Map<String, INDArray> views = gradientViews;
        INDArray dW = views.get(GruParams.INPUT_WEIGHTS);
        INDArray dU = views.get(GruParams.RECURRENT_WEIGHTS);
        INDArray db = views.get(GruParams.BIAS);
        dU.assign(0);
        INDArray dUGates = dU.get(all(), interval(0, 2 * n));
        INDArray dUCandidate = dU.get(all(), interval(2 * n, 3 * n));

        long batch = input.size(0);
        INDArray dPreAll = Nd4j.create(input.dataType(), batch, steps, 3 * n); // [dz|dr|dh̃] of every step
        INDArray g = Nd4j.zeros(input.dataType(), batch, n); // dL/dh_t from the steps after t
        for (long t = steps - 1; t >= 0; t--) {
            Step s = pass.steps[(int) t];
            INDArray dHat = epsilon.get(all(), all(), point(t)).add(g);
            INDArray dPre = dPreAll.get(all(), point(t), all());
            INDArray dGates = dPre.get(all(), interval(0, 2 * n));
            INDArray dz = dPre.get(all(), interval(0, n));
            INDArray dr = dPre.get(all(), interval(n, 2 * n));
            INDArray dCandidate = dPre.get(all(), interval(2 * n, 3 * n));
            if (s.mask != null) {
                dHat.muliColumnVector(s.mask);
                g.muliColumnVector(s.mask.rsub(1.0)); // a padded step hands g straight to h_{t−1}
            } else {
                g.assign(0);
            }
            dz.assign(dHat.mul(s.previous.sub(s.candidate)).muli(s.z).muli(s.z.rsub(1.0)));
            dCandidate.assign(dHat.mul(s.z.rsub(1.0)).muli(s.candidate.mul(s.candidate).rsubi(1.0)));
            INDArray rho = dCandidate.mmul(uCandidate.transpose());
            dr.assign(rho.mul(s.previous).muli(s.r).muli(s.r.rsub(1.0)));

            g.addi(dHat.mul(s.z)).addi(rho.mul(s.r)).addi(dGates.mmul(uGates.transpose()));
            dUGates.addi(s.previous.transpose().mmul(dGates));
            dUCandidate.addi(s.r.mul(s.previous).transpose().mmul(dCandidate));
        }
        // The input-side products are the same at every step, so they run once over all B·T rows.
        INDArray dPreRows = dPreAll.reshape('c', batch * steps, 3 * n);
        dW.assign(pass.inputRows.transpose().mmul(dPreRows));
        db.assign(dPreRows.sum(true, 0));
        INDArray dInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(),
                'f');
        dInput.assign(dPreRows.mmul(w.transpose()).reshape('c', batch, steps, input.size(1)).permute(0, 2, 1));
        weightNoiseParams.clear();

        Gradient gradient = new DefaultGradient(gradientsFlattened);
        gradient.gradientForVariable().put(GruParams.INPUT_WEIGHTS, dW);
        gradient.gradientForVariable().put(GruParams.RECURRENT_WEIGHTS, dU);
        gradient.gradientForVariable().put(GruParams.BIAS, db);
        return new Pair<>(gradient, backpropDropOutIfPresent(dInput));
    }

    /**
     * Runs the GRU over all time steps from {@code initial} (zeros when null). Keeps each step's intermediates when
     * {@code forBackprop}.
     */
    private Forward forward(INDArray initial, boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = checkedInput();
        long batch = x.size(0);
        long n = layerConf().getNOut();
        long steps = x.size(2);
        INDArray mask = checkedMask(batch, steps);
        INDArray w = getParamWithNoise(GruParams.INPUT_WEIGHTS, training, workspaceMgr);
        INDArray u = getParamWithNoise(GruParams.RECURRENT_WEIGHTS, training, workspaceMgr);
        INDArray b = getParamWithNoise(GruParams.BIAS, training, workspaceMgr);
        INDArray uGates = u.get(all(), interval(0, 2 * n));
        INDArray uCandidate = u.get(all(), interval(2 * n, 3 * n));

        INDArray h = initial == null ? Nd4j.zeros(x.dataType(), batch, n) : checkedState(initial, batch, n);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), new long[] {batch, n, steps},
                'f');
        // x_t W + b for all steps in one product: rows e·T + t of [B·T, nIn] times W.
        INDArray inputRows = x.permute(0, 2, 1).dup('c').reshape('c', batch * steps, x.size(1));
        INDArray inputParts = inputRows.mmul(w).addiRowVector(b).reshape('c', batch, steps, 3 * n);
        Step[] cache = forBackprop ? new Step[(int) steps] : null;
        for (long t = 0; t < steps; t++) {
            INDArray pre = inputParts.get(all(), point(t), all()); // [batch, 3n]: the input parts of all three blocks
            INDArray gates = Transforms.sigmoid(pre.get(all(), interval(0, 2 * n)).addi(h.mmul(uGates)), false);
            INDArray z = gates.get(all(), interval(0, n));
            INDArray r = gates.get(all(), interval(n, 2 * n));
            INDArray candidate = Transforms.tanh(
                    pre.get(all(), interval(2 * n, 3 * n)).addi(r.mul(h).mmul(uCandidate)), false);
            INDArray hat = z.mul(h).addi(z.rsub(1.0).muli(candidate));
            INDArray m = mask == null ? null : mask.get(all(), interval(t, t + 1)).castTo(x.dataType());
            if (forBackprop) {
                cache[(int) t] = new Step(h, z.dup(), r.dup(), candidate, m);
            }
            if (m == null) {
                out.get(all(), all(), point(t)).assign(hat);
                h = hat;
            } else {
                out.get(all(), all(), point(t)).assign(hat.mulColumnVector(m));
                h = h.add(hat.subi(h).muliColumnVector(m)); // padded rows keep h_{t−1}
            }
        }
        return new Forward(out, h, inputRows, cache);
    }

    private INDArray checkedInput() {
        long nIn = layerConf().getNIn();
        if (input.rank() != 3 || input.size(1) != nIn) {
            throw new IllegalStateException("Gru " + layerId() + " expects NCW input [batch, " + nIn + ", T], got "
                    + Arrays.toString(input.shape()) + "; reshape to [batch, features, time steps]");
        }
        return input;
    }

    private INDArray checkedMask(long batch, long steps) {
        if (maskArray == null) {
            return null;
        }
        if (maskArray.rank() != 2 || maskArray.size(0) != batch || maskArray.size(1) != steps) {
            throw new IllegalStateException("Gru " + layerId() + " expects a feature mask [batch, T] = [" + batch + ", "
                    + steps + "], got " + Arrays.toString(maskArray.shape()) + "; give 1 for real steps, 0 for padding");
        }
        return maskArray;
    }

    private INDArray checkedState(INDArray state, long batch, long n) {
        if (state.rank() != 2 || state.size(0) != batch || state.size(1) != n) {
            throw new IllegalStateException("Gru " + layerId() + " has a stored state of shape "
                    + Arrays.toString(state.shape()) + " but this input needs [" + batch + ", " + n + "]; call "
                    + "rnnClearPreviousState() before a batch of a different size");
        }
        return state.castTo(input.dataType());
    }

    private IllegalStateException truncatedBpttUnsupported() {
        return new IllegalStateException("Gru " + layerId() + " does not support truncated BPTT; build the network "
                + "with backpropType(BackpropType.Standard)");
    }

    /** One step's intermediates: h_{t−1}, z_t, r_t, h̃_t and the mask column (null without a mask). */
    private record Step(INDArray previous, INDArray z, INDArray r, INDArray candidate, INDArray mask) {
    }

    /**
     * The outputs [batch, nOut, T], h after the last step, the input as rows [B·T, nIn] (row e·T + t is x_t of
     * example e) and the per-step intermediates (backprop only).
     */
    private record Forward(INDArray output, INDArray last, INDArray inputRows, Step[] steps) {
    }
}
