package scratch;

import io.deepline.models.spec.*;
import java.util.*;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class TransformerSpeedProbe {
    @Test
    void probe() {
        TransformerSpec spec = new TransformerSpec(StepInput.TOKENS, 2000, new TransformerShape(32, 4, 64, 2, 0.1, false),
                TransformerPooling.MEAN, true, NetworkTraining.defaults());
        ComputationGraph g = spec.buildGraph(1, OutputHead.categorical(2));
        int b = 32, t = 100;
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, 1, t).muli(1990).addi(5);
        x = org.nd4j.linalg.ops.transforms.Transforms.floor(x);
        INDArray mask = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, t);
        INDArray y = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, 2); y.getColumn(0).assign(1);
        MultiDataSet ds = new MultiDataSet(new INDArray[]{x}, new INDArray[]{y}, new INDArray[]{mask}, null);
        System.out.println("params " + g.numParams());
        for (int r = 0; r < 4; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) { g.fit(ds); }
            System.out.printf("fit x5: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        for (int r = 0; r < 2; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) { g.output(false, new INDArray[]{x}, new INDArray[]{mask}); }
            System.out.printf("output x5: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
    }
}
