package io.deepline.models.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The bulk copies must give exactly what ND4J's own element-by-element conversions give, on every layout. */
class NativeFloatsTest {

    private static float[] counting(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i * 0.5f - 3;
        }
        return values;
    }

    @Test
    void aNewArrayHoldsTheValuesInRowMajorOrder() {
        float[] values = counting(12);
        INDArray array = NativeFloats.array(values, 3, 4);
        assertEquals(DataType.FLOAT, array.dataType());
        assertArrayEquals(new long[] {3, 4}, array.shape());
        assertEquals(Nd4j.create(values, new long[] {3, 4}, 'c'), array);
        assertArrayEquals(values, NativeFloats.copyOf(array));
    }

    @Test
    void aContiguousViewIsWrittenInPlaceAndNothingAroundItChanges() {
        INDArray whole = Nd4j.zeros(DataType.FLOAT, 1, 20);
        INDArray view = whole.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 15)).reshape(1, 10);
        assertTrue(NativeFloats.isDirectlyWritable(view), "a contiguous c-order view takes the bulk path");
        float[] values = counting(10);

        NativeFloats.copyInto(values, view);

        assertArrayEquals(values, view.toFloatVector());
        assertArrayEquals(values, NativeFloats.copyOf(view));
        float[] all = whole.toFloatVector();
        for (int i = 0; i < 20; i++) {
            assertEquals(i >= 5 && i < 15 ? values[i - 5] : 0f, all[i], "element " + i);
        }
    }

    @Test
    void rowsOfAMatrixAreAContiguousView() {
        INDArray matrix = Nd4j.zeros(DataType.FLOAT, 4, 3);
        INDArray middle = matrix.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        float[] values = counting(6);
        NativeFloats.copyInto(values, middle);
        assertEquals(Nd4j.create(values, new long[] {2, 3}, 'c'), matrix.get(NDArrayIndex.interval(1, 3),
                NDArrayIndex.all()));
        assertEquals(Nd4j.zeros(DataType.FLOAT, 1, 3), matrix.getRow(0, true), "row 0 untouched");
        assertEquals(Nd4j.zeros(DataType.FLOAT, 1, 3), matrix.getRow(3, true), "row 3 untouched");
    }

    @Test
    void otherLayoutsAndTypesTakeNd4jsPathWithTheSameResult() {
        float[] values = counting(12);
        INDArray fOrder = Nd4j.create(DataType.FLOAT, new long[] {3, 4}, 'f');
        INDArray doubles = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        INDArray column = Nd4j.zeros(DataType.FLOAT, 4, 3).getColumn(1);
        assertFalse(NativeFloats.isDirectlyWritable(fOrder));
        assertFalse(NativeFloats.isDirectlyWritable(doubles));
        assertFalse(NativeFloats.isDirectlyWritable(column));

        NativeFloats.copyInto(values, fOrder);
        NativeFloats.copyInto(values, doubles);
        NativeFloats.copyInto(counting(4), column);

        INDArray expected = Nd4j.create(values, new long[] {3, 4}, 'c');
        assertEquals(expected, fOrder);
        assertEquals(expected.castTo(DataType.DOUBLE), doubles);
        assertArrayEquals(values, NativeFloats.copyOf(fOrder));
        assertArrayEquals(values, NativeFloats.copyOf(doubles));
        assertArrayEquals(counting(4), NativeFloats.copyOf(column));
    }

    @Test
    void aLengthMismatchIsRefusedNamingBothLengths() {
        INDArray target = Nd4j.zeros(DataType.FLOAT, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeFloats.copyInto(new float[5], target));
        assertTrue(e.getMessage().contains("5 floats") && e.getMessage().contains("[2, 3]")
                && e.getMessage().contains("holds 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeFloats.array(new float[5], 2, 3));
    }
}
