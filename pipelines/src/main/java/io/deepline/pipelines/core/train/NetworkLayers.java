package io.deepline.pipelines.core.train;

import io.deepline.models.state.Network;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The layers of a network from input to output, each with the name the training history gives it: the layer
 * index ("0", "1", ...) in a layer stack, the vertex name ("dense0", "out", ...) in a graph. Both are fixed by the
 * network's configuration, so the same network names its layers the same way in every epoch and every fit.
 */
final class NetworkLayers {
    /** One layer and its name in the history. */
    record Named(String name, Layer layer) {
    }

    private NetworkLayers() {
    }

    static List<Named> of(Network net) {
        List<Named> named = new ArrayList<>();
        if (net.model() instanceof MultiLayerNetwork stack) {
            Layer[] layers = stack.getLayers();
            for (int i = 0; i < layers.length; i++) {
                named.add(new Named(Integer.toString(i), layers[i]));
            }
            return named;
        }
        ComputationGraph graph = (ComputationGraph) net.model();
        GraphVertex[] vertices = graph.getVertices();
        // Topological order: input side first, as in a layer stack.
        for (int index : graph.topologicalSortOrder()) {
            GraphVertex vertex = vertices[index];
            if (vertex.hasLayer()) {
                named.add(new Named(vertex.getVertexName(), vertex.getLayer()));
            }
        }
        return named;
    }
}
