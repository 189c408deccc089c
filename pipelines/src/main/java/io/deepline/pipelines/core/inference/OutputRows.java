package io.deepline.pipelines.core.inference;

import io.deepline.models.state.NativeFloats;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A network's [rows, columns] output as one float array per row. */
public final class OutputRows {
    private OutputRows() {
    }

    /**
     * The rows of {@code matrix}, copied out in one bulk read ({@link NativeFloats}). ND4J's {@code toFloatMatrix()}
     * builds a view and a copy per row; on a 256-row MNIST batch that took more time than the forward pass (inference
     * profile, issue 10).
     */
    public static float[][] of(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("expected a [rows, columns] output, got shape "
                    + Arrays.toString(matrix.shape()));
        }
        int rows = (int) matrix.size(0);
        int columns = (int) matrix.size(1);
        float[] flat = NativeFloats.copyOf(matrix);
        float[][] out = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * columns, out[r], 0, columns);
        }
        return out;
    }
}
