package io.deepline.models.losses;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The heteroskedastic Gaussian negative log-likelihood (course §1.3, eq. 6 with σ = exp{u·x}): the output layer
 * has two units per row, the mean μ and the log standard deviation s = log σ, both linear in the last hidden layer,
 * and a row's loss is
 * <pre>  −log Normal(y; μ, σ) = s + ½·log(2π) + (y − μ)² / (2·exp(2s)).</pre>
 * The constant ½·log(2π) is kept so that the score is the exact negative log-likelihood (it changes no gradient).
 * Gradients with respect to the outputs: ∂/∂μ = −(y − μ)/σ², ∂/∂s = 1 − (y − μ)²/σ².
 *
 * <p>Where the noise is (nearly) zero the likelihood has no maximum: σ → 0 drives the loss to −∞ and exp(−2s)
 * eventually overflows. It is meant for data with real noise, as in the course's example.
 *
 * <p>Labels are [rows, 1] (the response only) or [rows, 2] whose second column is ignored; the network output is
 * [rows, 2]. A labels mask [rows, 1] weighs each row (0/1 masks and row weights alike).
 */
public class LossGaussianNll implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = activationFn.getActivation(preOutput.dup(), true);
        check(labels, out);
        INDArray mu = out.getColumn(0, true);
        INDArray s = out.getColumn(1, true);
        INDArray residual = labels.getColumn(0, true).castTo(out.dataType()).sub(mu);
        // (y − μ)² / (2σ²) = ½·(r·exp(−s))²
        INDArray standardised = residual.mul(exp(s.neg()));
        INDArray score = standardised.muli(standardised).muli(0.5).addi(s).addi(HALF_LOG_TWO_PI);
        return mask == null ? score : score.muli(rowWeights(mask, score));
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = activationFn.getActivation(preOutput.dup(), true);
        check(labels, out);
        INDArray mu = out.getColumn(0, true);
        INDArray s = out.getColumn(1, true);
        INDArray residual = labels.getColumn(0, true).castTo(out.dataType()).sub(mu);
        INDArray inverseVariance = exp(s.mul(-2));
        INDArray dLdOut = Nd4j.createUninitialized(out.dataType(), out.shape());
        dLdOut.putColumn(0, residual.mul(inverseVariance).negi());
        dLdOut.putColumn(1, residual.mul(residual).muli(inverseVariance).rsubi(1.0));
        INDArray dLdz = activationFn.backprop(preOutput.dup(), dLdOut).getFirst();
        return mask == null ? dLdz : dLdz.muliColumnVector(rowWeights(mask, dLdz));
    }

    /** A [rows, 1] mask as it is; a per-output [rows, 2] mask by its first (the mean's) column. */
    private static INDArray rowWeights(INDArray mask, INDArray like) {
        return mask.getColumn(0, true).castTo(like.dataType()).reshape(like.size(0), 1);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    private static INDArray exp(INDArray x) {
        return org.nd4j.linalg.ops.transforms.Transforms.exp(x, false);
    }

    private static void check(INDArray labels, INDArray out) {
        if (out.rank() != 2 || out.size(1) != 2) {
            throw new IllegalStateException("the heteroskedastic Gaussian loss needs an output layer of 2 units (mean,"
                    + " log σ), but the output has shape " + java.util.Arrays.toString(out.shape())
                    + "; build it with OutputHead.gaussianHeteroskedastic()");
        }
        if (labels.rank() != 2 || labels.size(0) != out.size(0) || labels.size(1) < 1 || labels.size(1) > 2) {
            throw new IllegalArgumentException("the heteroskedastic Gaussian loss needs labels of shape [rows, 1],"
                    + " one response per row, but got " + java.util.Arrays.toString(labels.shape()) + " for "
                    + out.size(0) + " rows; it predicts a single response");
        }
    }

    @Override
    public String name() {
        return "gaussianNll";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossGaussianNll;
    }

    @Override
    public int hashCode() {
        return LossGaussianNll.class.hashCode();
    }

    @Override
    public String toString() {
        return "LossGaussianNll()";
    }
}
