package io.deepline.models.spec;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/**
 * A feedforward network with skip connections around every hidden block (course §4.5.2):
 * h_l = φ(W h_{l−1}) + h_{l−1}, or + U h_{l−1} with a trainable projection U (no bias) where the width changes.
 * Built as a DL4J ComputationGraph: the sum is an {@code ElementWiseVertex(Add)}.
 */
final class ResidualGraph {
    private ResidualGraph() {
    }

    static ComputationGraphConfiguration build(NeuralNetConfiguration.Builder global, int nIn, int[] widths,
                                               IActivation activation, Normalization normalization,
                                               boolean fitIntercept, double dropout, OutputLayer output) {
        ComputationGraphConfiguration.GraphBuilder graph = global.graphBuilder().addInputs("input")
                .setInputTypes(InputType.feedForward(nIn));
        String previous = "input";
        int previousWidth = nIn;
        for (int i = 0; i < widths.length; i++) {
            double keep = i > 0 && dropout > 0 ? 1.0 - dropout : 0;
            List<Layer> block = HiddenStack.block(previousWidth, widths[i], activation, normalization, fitIntercept,
                    keep);
            String x = previous;
            for (int j = 0; j < block.size(); j++) {
                String name = "hidden" + i + "_" + j;
                graph.addLayer(name, block.get(j), x);
                x = name;
            }
            String skip = previous;
            if (previousWidth != widths[i]) {
                skip = "projection" + i;
                graph.addLayer(skip, new DenseLayer.Builder().nIn(previousWidth).nOut(widths[i])
                        .activation(Activation.IDENTITY).hasBias(false).build(), previous);
            }
            String sum = "residual" + i;
            graph.addVertex(sum, new ElementWiseVertex(ElementWiseVertex.Op.Add), x, skip);
            previous = sum;
            previousWidth = widths[i];
        }
        return graph.addLayer("output", output, previous).setOutputs("output").build();
    }
}
