package io.deepline.pipelines.sequence;

import io.deepline.models.state.NativeFloats;
import io.deepline.pipelines.text.ReservedTokens;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generates sequences step by step with {@code rnnTimeStep}, feeding back each step's own output: the most
 * probable token (stopping a row at the end token, which is not returned) or the predicted value (running
 * {@code maxOutputLength} steps). Rows of a batch generate together; each row's output is independent of the
 * others.
 */
final class GreedyGeneration {
    private GreedyGeneration() {
    }

    static List<double[]> generate(MultiLayerNetwork net, GeneratorLayout layout, List<float[]> xs,
                                   int maxOutputLength) {
        int rows = xs.size();
        int width = layout.stepWidth();
        List<List<Double>> outputs = new ArrayList<>(rows);
        boolean[] done = new boolean[rows];
        double[] previous = new double[rows];
        for (int i = 0; i < rows; i++) {
            outputs.add(new ArrayList<>());
        }
        net.rnnClearPreviousState();
        try {
            int finished = 0;
            for (int t = 0; t < maxOutputLength && finished < rows; t++) {
                float[] input = new float[rows * width];
                for (int i = 0; i < rows; i++) {
                    layout.writeStepInput(xs.get(i), previous[i], t == 0, input, i * width);
                }
                INDArray out = net.rnnTimeStep(NativeFloats.array(input, rows, width, 1));
                for (int i = 0; i < rows; i++) {
                    previous[i] = choose(out, i, layout);
                    if (done[i]) {
                        continue;
                    }
                    if (layout.output() == GeneratedOutput.TOKENS && previous[i] == ReservedTokens.END_ID) {
                        done[i] = true;
                        finished++;
                    } else {
                        outputs.get(i).add(previous[i]);
                    }
                }
            }
        } finally {
            net.rnnClearPreviousState();
        }
        List<double[]> result = new ArrayList<>(rows);
        for (List<Double> o : outputs) {
            result.add(o.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return result;
    }

    /** Row i's output of a one-step output ([rows, nOut] or [rows, nOut, 1]): argmax token, or the value. */
    private static double choose(INDArray out, int i, GeneratorLayout layout) {
        INDArray row = out.rank() == 3 ? out.slice(i).reshape(out.size(1)) : out.getRow(i);
        if (layout.output() == GeneratedOutput.VALUES) {
            return row.getDouble(0);
        }
        int best = 0;
        for (int k = 1; k < row.length(); k++) {
            best = row.getDouble(k) > row.getDouble(best) ? k : best;
        }
        return best;
    }
}
