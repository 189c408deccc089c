package io.deepline.models.layers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What our hand-written graph vertices with parameters ({@link AttentiveGruDecoderVertex},
 * {@link MultiHeadAttentionVertex}) share: named views of the graph's flat parameter and gradient arrays, and the
 * {@link TrainingConfig} through which the graph's updater finds their updater and L2. A vertex is not a layer.
 */
abstract class ParameterisedVertex extends BaseGraphVertex {
    private static final long serialVersionUID = 1L;

    private final INDArray params;
    private final Map<String, INDArray> paramTable;
    private final TrainingConfig trainingConfig;
    private final transient Function<INDArray, Map<String, INDArray>> layout;
    private INDArray gradientView;
    private Map<String, INDArray> gradientTable;

    /**
     * @param layout the named views of a flat array of this vertex's layout (parameters or gradients), in the
     *               order of the flat array
     */
    ParameterisedVertex(ComputationGraph graph, String name, int index, DataType dataType, INDArray paramsView,
                        Function<INDArray, Map<String, INDArray>> layout, TrainingConfig trainingConfig) {
        super(graph, name, index, null, null, dataType);
        this.params = paramsView;
        this.layout = layout;
        this.paramTable = layout.apply(paramsView);
        this.trainingConfig = trainingConfig;
    }

    /** The named parameter views. */
    final Map<String, INDArray> parameters() {
        return paramTable;
    }

    /** The named gradient views, which the backward pass fills. */
    final Map<String, INDArray> gradients() {
        return gradientTable;
    }

    /** The filled gradient views as DL4J's {@link Gradient}, under the given keys. */
    final Gradient gradient(List<String> keys) {
        Gradient gradient = new DefaultGradient(gradientView);
        for (String key : keys) {
            gradient.gradientForVariable().put(key, gradientTable.get(key));
        }
        return gradient;
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        this.gradientView = backpropGradientsViewArray;
        this.gradientTable = layout.apply(backpropGradientsViewArray);
    }

    @Override
    public Map<String, INDArray> paramTable(boolean backpropOnly) {
        return paramTable;
    }

    @Override
    public TrainingConfig getConfig() {
        return trainingConfig;
    }

    @Override
    public INDArray params() {
        return params;
    }

    @Override
    public INDArray getGradientsViewArray() {
        return gradientView;
    }

    @Override
    public void clearVertex() {
        clear();
    }
}
