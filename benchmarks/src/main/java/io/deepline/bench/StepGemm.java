package io.deepline.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One matrix product of a DL4J training step, {@code [m × k]·[k × n]}, and which part of the step it is.
 *
 * <p>What DL4J 1.0.0-M2.1 multiplies in one {@code MultiLayerNetwork.fit} of a dense MLP on a batch of B rows, read
 * from its bytecode ({@code MultiLayerNetwork.computeGradientAndScore}, {@code BaseLayer.backpropGradient},
 * {@code BaseOutputLayer.backpropGradient} and {@code computeScore}), for each layer of fan-in {@code in} and
 * fan-out {@code out}:
 * <ul>
 *   <li>the pre-activation {@code [B × in]·[in × out]} twice: hidden layers in the forward pass
 *       ({@code ffToLayerActivationsInWs} up to the last hidden layer) and again in {@code backpropGradient}, which
 *       recomputes {@code preOutput}; the output layer in its {@code backpropGradient} and again in
 *       {@code computeScore};</li>
 *   <li>the weight gradient {@code inputᵀ·δ}, {@code [in × B]·[B × out]} ({@code Nd4j.gemm} with transposeA);</li>
 *   <li>the input gradient {@code W·δᵀ}, {@code [in × out]·[out × B]}, then transposed: computed for every layer,
 *       the first one included, whose result nothing uses (DL4J does not skip it).</li>
 * </ul>
 * Each costs 2·B·in·out FLOPs, so a step costs 4 × the forward pass's 2·B·Σ(in·out): for 784-256-128-10 and
 * B = 64, 4 × 30.05 MFLOP = 120.2 MFLOP. The useful work (one forward, weight gradients, input gradients of all but
 * the first layer) is {@link #usefulFlopsPerExample}.
 */
record StepGemm(String name, Kind kind, long m, long k, long n) {

    enum Kind { FORWARD, WEIGHT_GRADIENT, INPUT_GRADIENT }

    long flops() {
        return 2 * m * k * n;
    }

    /** The products of one training step of {@code settings}' MLP on MNIST, in DL4J's shapes. */
    static List<StepGemm> trainingStep(MlpSettings settings) {
        List<StepGemm> gemms = new ArrayList<>();
        long batch = settings.batchSize();
        long[] widths = widths(settings);
        for (int layer = 0; layer + 1 < widths.length; layer++) {
            long in = widths[layer];
            long out = widths[layer + 1];
            String prefix = "layer " + layer + " (" + in + "→" + out + ") ";
            gemms.add(new StepGemm(prefix + "pre-activation", Kind.FORWARD, batch, in, out));
            gemms.add(new StepGemm(prefix + "pre-activation again", Kind.FORWARD, batch, in, out));
            gemms.add(new StepGemm(prefix + "weight gradient", Kind.WEIGHT_GRADIENT, in, batch, out));
            gemms.add(new StepGemm(prefix + "input gradient", Kind.INPUT_GRADIENT, in, out, batch));
        }
        return gemms;
    }

    /** FLOPs of the products DL4J runs per training example (all of {@link #trainingStep} ÷ B). */
    static long executedFlopsPerExample(MlpSettings settings) {
        return trainingStep(settings).stream().mapToLong(StepGemm::flops).sum() / settings.batchSize();
    }

    /** FLOPs backpropagation needs per example: forward + weight gradients + input gradients past layer 0. */
    static long usefulFlopsPerExample(MlpSettings settings) {
        long forward = 2 * settings.forwardMultiplyAddsPerExample();
        long[] widths = widths(settings);
        return 3 * forward - 2 * widths[0] * widths[1];
    }

    private static long[] widths(MlpSettings settings) {
        long[] widths = new long[settings.hidden().length + 2];
        widths[0] = MnistData.FEATURES;
        for (int i = 0; i < settings.hidden().length; i++) {
            widths[i + 1] = settings.hidden()[i];
        }
        widths[widths.length - 1] = MnistData.CLASSES;
        return widths;
    }
}
