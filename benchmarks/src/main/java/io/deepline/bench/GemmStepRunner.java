package io.deepline.bench;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's {@code mmul} alone on one training step's products ({@link StepGemm}), with DL4J's operand layouts:
 * activations and deltas row-major ('c'), weights and weight gradients column-major ('f', views of DL4J's flat
 * param and gradient vectors), the input gradient written into an 'f' array. Outputs are allocated once, as DL4J's
 * workspaces reuse theirs, so only the products are timed.
 */
final class GemmStepRunner {

    private final List<Runnable> products = new ArrayList<>();

    GemmStepRunner(List<StepGemm> gemms) {
        for (StepGemm g : gemms) {
            products.add(switch (g.kind()) {
                case FORWARD -> {
                    INDArray input = random(g.m(), g.k(), 'c');
                    INDArray weights = random(g.k(), g.n(), 'f');
                    INDArray preOutput = Nd4j.createUninitialized(DataType.FLOAT, new long[]{g.m(), g.n()}, 'c');
                    yield () -> input.mmuli(weights, preOutput);
                }
                case WEIGHT_GRADIENT -> { // Nd4j.gemm(input, delta, weightGrad, transposeA, !transposeB)
                    INDArray input = random(g.k(), g.m(), 'c');
                    INDArray delta = random(g.k(), g.n(), 'c');
                    INDArray weightGradient = Nd4j.createUninitialized(DataType.FLOAT, new long[]{g.m(), g.n()}, 'f');
                    yield () -> Nd4j.gemm(input, delta, weightGradient, true, false, 1.0, 0.0);
                }
                case INPUT_GRADIENT -> { // W.mmuli(delta.transpose(), epsilonNext)
                    INDArray weights = random(g.m(), g.k(), 'f');
                    INDArray delta = random(g.n(), g.k(), 'c');
                    INDArray epsilon = Nd4j.createUninitialized(DataType.FLOAT, new long[]{g.m(), g.n()}, 'f');
                    yield () -> weights.mmuli(delta.transpose(), epsilon);
                }
            });
        }
    }

    /** Runs {@code steps} steps' products and returns the wall time in seconds (ND4J on CPU is synchronous). */
    double timeSteps(int steps) {
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            for (Runnable product : products) {
                product.run();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static INDArray random(long rows, long cols, char order) {
        return Nd4j.rand(DataType.FLOAT, rows, cols).dup(order);
    }
}
