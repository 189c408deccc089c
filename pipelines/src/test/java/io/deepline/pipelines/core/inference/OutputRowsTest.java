package io.deepline.pipelines.core.inference;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The bulk row copy gives what ND4J's per-row toFloatMatrix gives, whatever the array's layout. */
class OutputRowsTest {

    @Test
    void rowsMatchNd4jsOwnConversion() {
        INDArray rowMajor = Nd4j.rand(DataType.FLOAT, 5, 3);
        assertArrayEquals(rowMajor.toFloatMatrix(), OutputRows.of(rowMajor));

        INDArray columnMajor = rowMajor.dup('f');
        assertArrayEquals(rowMajor.toFloatMatrix(), OutputRows.of(columnMajor));

        INDArray view = Nd4j.rand(DataType.FLOAT, 6, 4).get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5), org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertArrayEquals(view.toFloatMatrix(), OutputRows.of(view), "a view into a larger buffer");

        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 2, 4);
        assertArrayEquals(doubles.castTo(DataType.FLOAT).toFloatMatrix(), OutputRows.of(doubles));
    }

    @Test
    void onlyMatricesAreRows() {
        assertFailsNaming(IllegalArgumentException.class, () -> OutputRows.of(Nd4j.rand(DataType.FLOAT, 2, 3, 4)),
                "[rows, columns]", "[2, 3, 4]");
    }
}
