package io.deepline.models.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Cuts DL4J's flat optimizer-state view into per-quantity views shaped like the gradient. The views share memory
 * with DL4J's array: writing them is what makes the state part of the network's saved and averaged updater state.
 */
final class StateViews {
    private StateViews() {
    }

    /**
     * Part {@code index} of {@code parts} equal parts of {@code view}, reshaped (without copying) to the gradient's
     * shape and order. Zeroes the whole view first when {@code initialize} is set and {@code index} is 0.
     */
    static INDArray part(INDArray view, int index, int parts, long[] gradientShape, char gradientOrder,
                         boolean initialize) {
        if (view == null || !view.isRowVectorOrScalar()) {
            throw new IllegalArgumentException("the updater state view must be a row vector, got "
                    + (view == null ? "null" : view.shapeInfoToString()));
        }
        long length = Shape.lengthOf(gradientShape);
        if (view.length() != parts * length) {
            throw new IllegalArgumentException("the updater state view has " + view.length() + " values but "
                    + parts + " per parameter × " + length + " parameters are needed");
        }
        if (initialize && index == 0) {
            view.assign(0);
        }
        INDArray row = view.reshape(1, view.length());
        INDArray slice = row.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(index * length, (index + 1) * length));
        INDArray shaped = Shape.newShapeNoCopy(slice, gradientShape, gradientOrder == 'f');
        if (shaped == null) {
            throw new IllegalStateException("could not view the updater state as the gradient's shape "
                    + java.util.Arrays.toString(gradientShape) + " without copying");
        }
        return shaped;
    }

    /**
     * {@code state} viewed (without copying) in the shape of {@code gradient}. DL4J's updater blocks hand
     * {@code applyUpdater} a rank-1 gradient although the state view is a [1, n] row; elementwise maths needs the
     * same shape on both sides.
     */
    static INDArray shapedLike(INDArray state, INDArray gradient) {
        if (state.length() != gradient.length()) {
            throw new IllegalArgumentException("the gradient has " + gradient.length() + " values but the updater "
                    + "state holds " + state.length() + " per moment; the updater belongs to another parameter block");
        }
        if (java.util.Arrays.equals(state.shape(), gradient.shape())) {
            return state;
        }
        INDArray shaped = Shape.newShapeNoCopy(state, gradient.shape(), gradient.ordering() == 'f');
        if (shaped == null) {
            throw new IllegalStateException("could not view the updater state as the gradient's shape "
                    + java.util.Arrays.toString(gradient.shape()) + " without copying");
        }
        return shaped;
    }

    /** A state array given by name in {@code setState}, checked against the expected key. */
    static INDArray named(java.util.Map<String, INDArray> state, String key, int expectedKeys, boolean initialize) {
        if (state == null || state.size() != expectedKeys || state.get(key) == null) {
            throw new IllegalArgumentException("updater state must hold exactly " + expectedKeys
                    + " arrays including '" + key + "', got " + (state == null ? "null" : state.keySet()));
        }
        INDArray array = state.get(key);
        if (initialize) {
            array.assign(0);
        }
        return array;
    }
}
