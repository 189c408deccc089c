package io.deepline.models.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One batch through an {@link AttentiveGruDecoder}: the forward pass over the decoder steps, and backpropagation
 * through time written out by hand. The input weights are W (the E decoder inputs) and WC (the n context
 * features), so the x-side products run once over all B·T' rows, as in {@link GruLayer}. The GRU part of the step
 * and its backward pass are {@link GruLayer}'s with h_{t−1} = s_{t'−1} and input [x; c]; on top of it, going
 * backwards with dc = dL/dc_{t'} (from the output and from the GRU input) and g = dL/ds:
 * <pre>
 *   dα_t = dc · h_t,   de_t = α_t (dα_t − Σ_u α_u dα_u)                    (softmax)
 *   g   += Σ_t de_t h_t / √n                                              (the query s_{t'−1})
 *   dh_t += α_t dc + de_t s_{t'−1} / √n                                    (values and keys)
 * </pre>
 * and at the end dh_last += g (s_0 = h_last), plus Σ_{t'} dc in {@link DecoderContext#LAST} mode. Masked encoder
 * steps have α = 0 and so receive no gradient.
 */
final class AttentiveGruDecoderPass {
    private final INDArray h;
    private final INDArray x;
    private final INDArray decoderMask;
    private final DecoderContext context;
    private final INDArray w;
    private final INDArray wc;
    private final INDArray u;
    private final INDArray b;
    private final long batch;
    private final long n;
    private final long inputSize;
    private final long steps;
    private final double scale;
    private final INDArray encoderMask; // [B, T] or null
    private final INDArray maskBias; // (mask − 1)·10^30 or null
    private final INDArray lastStep; // [B, T], 1 at each row's last unmasked encoder step

    /**
     * @param h           encoder states [B, n, T]
     * @param encoderMask [B, T] or null
     * @param x           decoder inputs [B, E, T']
     * @param decoderMask [B, T'] or null
     */
    AttentiveGruDecoderPass(INDArray h, INDArray encoderMask, INDArray x, INDArray decoderMask,
                            Map<String, INDArray> params, DecoderContext context) {
        this.h = h.ordering() == 'c' && !h.isView() ? h : h.dup('c'); // the batched products read it as [B, n, T] matrices
        this.x = x;
        this.context = context;
        this.w = params.get(AttentiveGruDecoderParams.INPUT_WEIGHTS);
        this.wc = params.get(AttentiveGruDecoderParams.CONTEXT_WEIGHTS);
        this.u = params.get(AttentiveGruDecoderParams.RECURRENT_WEIGHTS);
        this.b = params.get(AttentiveGruDecoderParams.BIAS);
        this.batch = x.size(0);
        this.inputSize = x.size(1);
        this.steps = x.size(2);
        this.n = h.size(1);
        this.scale = 1.0 / Math.sqrt(n);
        this.decoderMask = decoderMask == null ? null : decoderMask.castTo(x.dataType());
        this.encoderMask = encoderMask == null ? null : encoderMask.castTo(x.dataType());
        this.lastStep = EncoderSteps.lastStepSelector(encoderMask, batch, h.size(2), x.dataType());
        this.maskBias = EncoderSteps.maskBias(this.encoderMask, lastStep);
    }

    /** Runs the decoder, writing [s_{t'}; c_{t'}] (0 at masked steps) into {@code out} [B, 2n, T']. */
    Forward forward(INDArray out, boolean forBackprop) {
        INDArray uGates = u.get(all(), interval(0, 2 * n));
        INDArray uCandidate = u.get(all(), interval(2 * n, 3 * n));
        INDArray hLast = EncoderSteps.weightedSum(h, lastStep);
        INDArray s = hLast;
        INDArray inputRows = x.permute(0, 2, 1).dup('c').reshape('c', batch * steps, inputSize);
        INDArray inputParts = inputRows.mmul(w).addiRowVector(b)
                .reshape('c', batch, steps, 3 * n);
        Step[] cache = forBackprop ? new Step[(int) steps] : null;
        for (long t = 0; t < steps; t++) {
            INDArray alpha = null;
            INDArray c = hLast;
            if (context == DecoderContext.ATTENTION) {
                alpha = EncoderSteps.maskedSoftmax(EncoderSteps.scores(h, s).muli(scale), encoderMask, maskBias);
                c = EncoderSteps.weightedSum(h, alpha);
            }
            INDArray pre = inputParts.get(all(), point(t), all()).add(c.mmul(wc));
            INDArray gates = Transforms.sigmoid(pre.get(all(), interval(0, 2 * n)).addi(s.mmul(uGates)), false);
            INDArray z = gates.get(all(), interval(0, n));
            INDArray r = gates.get(all(), interval(n, 2 * n));
            INDArray candidate = Transforms.tanh(
                    pre.get(all(), interval(2 * n, 3 * n)).addi(r.mul(s).mmul(uCandidate)), false);
            INDArray hat = z.mul(s).addi(z.rsub(1.0).muli(candidate));
            INDArray m = decoderMask == null ? null : decoderMask.get(all(), interval(t, t + 1));
            if (forBackprop) {
                cache[(int) t] = new Step(s, z.dup(), r.dup(), candidate, m, alpha, c);
            }
            INDArray stateOut = out.get(all(), interval(0, n), point(t));
            INDArray contextOut = out.get(all(), interval(n, 2 * n), point(t));
            if (m == null) {
                stateOut.assign(hat);
                contextOut.assign(c);
                s = hat;
            } else {
                stateOut.assign(hat.mulColumnVector(m));
                contextOut.assign(c.mulColumnVector(m));
                s = s.add(hat.subi(s).muliColumnVector(m)); // a padded step keeps s_{t'−1}
            }
        }
        return new Forward(inputRows, cache);
    }

    /**
     * Backpropagation through time: writes dL/dW, dL/dRW, dL/db (sums over the batch) into {@code gradients}, and
     * dL/dH and dL/dX into {@code dH} [B, n, T] and {@code dX} [B, E, T'].
     */
    void backward(Forward pass, INDArray epsilon, Map<String, INDArray> gradients, INDArray dH, INDArray dX) {
        INDArray uGates = u.get(all(), interval(0, 2 * n));
        INDArray uCandidate = u.get(all(), interval(2 * n, 3 * n));
        INDArray dW = gradients.get(AttentiveGruDecoderParams.INPUT_WEIGHTS);
        INDArray dU = gradients.get(AttentiveGruDecoderParams.RECURRENT_WEIGHTS);
        INDArray db = gradients.get(AttentiveGruDecoderParams.BIAS);
        INDArray dWc = gradients.get(AttentiveGruDecoderParams.CONTEXT_WEIGHTS);
        dWc.assign(0);
        dU.assign(0);
        dH.assign(0);
        INDArray dUGates = dU.get(all(), interval(0, 2 * n));
        INDArray dUCandidate = dU.get(all(), interval(2 * n, 3 * n));

        INDArray dPreAll = Nd4j.create(x.dataType(), batch, steps, 3 * n);
        INDArray g = Nd4j.zeros(x.dataType(), batch, n); // dL/ds_{t'} from the steps after t'
        INDArray fixedContextGradient = Nd4j.zeros(x.dataType(), batch, n); // Σ dc, LAST mode
        for (long t = steps - 1; t >= 0; t--) {
            Step s = pass.steps[(int) t];
            INDArray dHat = epsilon.get(all(), interval(0, n), point(t)).add(g);
            INDArray dContext = epsilon.get(all(), interval(n, 2 * n), point(t)).dup();
            INDArray dPre = dPreAll.get(all(), point(t), all());
            INDArray dGates = dPre.get(all(), interval(0, 2 * n));
            INDArray dz = dPre.get(all(), interval(0, n));
            INDArray dr = dPre.get(all(), interval(n, 2 * n));
            INDArray dCandidate = dPre.get(all(), interval(2 * n, 3 * n));
            if (s.mask != null) {
                dHat.muliColumnVector(s.mask);
                dContext.muliColumnVector(s.mask);
                g.muliColumnVector(s.mask.rsub(1.0)); // a padded step hands g straight to s_{t'−1}
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
            dContext.addi(dPre.mmul(wc.transpose()));
            dWc.addi(s.context.transpose().mmul(dPre));
            if (context == DecoderContext.ATTENTION) {
                INDArray dAlpha = EncoderSteps.scores(h, dContext);
                INDArray dScores = dAlpha.subiColumnVector(dAlpha.mul(s.alpha).sum(true, 1)).muli(s.alpha).muli(scale);
                g.addi(EncoderSteps.weightedSum(h, dScores));
                dH.addi(EncoderSteps.outer(dContext, s.alpha)).addi(EncoderSteps.outer(s.previous, dScores));
            } else {
                fixedContextGradient.addi(dContext);
            }
        }
        dH.addi(EncoderSteps.outer(g.addi(fixedContextGradient), lastStep)); // s_0 (and the fixed c) = h_last
        // The x-side products are the same at every step, so they run once over all B·T' rows.
        INDArray dPreRows = dPreAll.reshape('c', batch * steps, 3 * n);
        dW.assign(pass.inputRows.transpose().mmul(dPreRows));
        db.assign(dPreRows.sum(true, 0));
        dX.assign(dPreRows.mmul(w.transpose()).reshape('c', batch, steps, inputSize).permute(0, 2, 1));
    }

    /** One step's intermediates: s_{t'−1}, z, r, the candidate, the mask column, α (attention only) and c. */
    private record Step(INDArray previous, INDArray z, INDArray r, INDArray candidate, INDArray mask,
                        INDArray alpha, INDArray context) {
    }

    /** The decoder inputs as rows [B·T', E] (row e·T' + t is x_t of example e) and the per-step intermediates. */
    record Forward(INDArray inputRows, Step[] steps) {
    }
}
