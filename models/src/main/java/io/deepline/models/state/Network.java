package io.deepline.models.state;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The one adapter over DL4J's two network classes, so the trainer, the scorers and persistence have a single
 * code path: a {@link MultiLayerNetwork} (a stack of layers) or a {@link ComputationGraph} (e.g. with skip
 * connections), each with one output. Graphs may have several inputs (e.g. a sequence-to-sequence graph's source
 * and target); they train and score on {@link MultiDataSet}s and predict with {@link #output(INDArray[], INDArray[])},
 * while the single-input methods refuse them with a message that says so.
 */
public final class Network {
    private final MultiLayerNetwork layers;
    private final ComputationGraph graph;

    private Network(MultiLayerNetwork layers, ComputationGraph graph) {
        this.layers = layers;
        this.graph = graph;
    }

    /** Wraps an initialised DL4J network. */
    public static Network of(Model model) {
        if (model instanceof MultiLayerNetwork m) {
            return new Network(m, null);
        }
        if (model instanceof ComputationGraph g) {
            if (g.getConfiguration().getNetworkInputs().isEmpty() || g.getConfiguration().getNetworkOutputs().size() != 1) {
                throw new IllegalArgumentException("Deepline trains graphs with one output (and one or more inputs), "
                        + "not " + g.getConfiguration().getNetworkInputs() + " → "
                        + g.getConfiguration().getNetworkOutputs());
            }
            return new Network(null, g);
        }
        throw new IllegalArgumentException("not a MultiLayerNetwork or ComputationGraph: " + model.getClass().getName());
    }

    /** A new, initialised network from configuration JSON of either kind. */
    public static Network fromJson(String configurationJson) {
        if (isGraphJson(configurationJson)) {
            ComputationGraph g = new ComputationGraph(ComputationGraphConfiguration.fromJson(configurationJson));
            g.init();
            return new Network(null, g);
        }
        MultiLayerNetwork m = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configurationJson));
        m.init();
        return new Network(m, null);
    }

    /** Whether configuration JSON describes a ComputationGraph (it has vertices) rather than a layer stack. */
    public static boolean isGraphJson(String configurationJson) {
        return configurationJson.contains("\"vertices\"");
    }

    public boolean isGraph() {
        return graph != null;
    }

    /** The number of input arrays: 1 for a layer stack, the graph's inputs for a graph. */
    public int numInputs() {
        return layers != null ? 1 : graph.getConfiguration().getNetworkInputs().size();
    }

    public Model model() {
        return layers != null ? layers : graph;
    }

    /** The layer stack; fails for a graph, naming what to use instead. */
    public MultiLayerNetwork asMultiLayer() {
        if (layers == null) {
            throw new IllegalStateException("this network is a ComputationGraph (e.g. residual); use the DL4J Model"
                    + " from toModel() instead");
        }
        return layers;
    }

    public String configurationJson() {
        return layers != null ? layers.getLayerWiseConfigurations().toJson() : graph.getConfiguration().toJson();
    }

    public void fit(DataSet batch) {
        requireSingleInput("fit(DataSet)", "fit(MultiDataSet)");
        if (layers != null) {
            layers.fit(batch);
        } else {
            graph.fit(batch);
        }
    }

    /** The loss of the last {@link #fit} (including the regularization penalty). */
    public double score() {
        return layers != null ? layers.score() : graph.score();
    }

    /**
     * Each example's loss in inference mode (dropout off, BatchNorm on its running statistics), as a column of
     * [rows, 1]; a labels mask of [rows, 1] multiplies each example's loss by its weight.
     *
     * @param withRegularization add the L1/L2 penalty to each example's loss
     */
    public INDArray scoreExamples(org.nd4j.linalg.dataset.DataSet batch, boolean withRegularization) {
        requireSingleInput("scoreExamples(DataSet, boolean)", "scoreExamples(MultiDataSet, boolean)");
        return layers != null ? layers.scoreExamples(batch, withRegularization)
                : graph.scoreExamples(batch, withRegularization);
    }

    /** The network's output (inference mode) for a [rows, features] input. */
    public INDArray output(INDArray features) {
        requireSingleInput("output(INDArray)", "output(INDArray[], INDArray[])");
        return layers != null ? layers.output(features) : graph.outputSingle(features);
    }

    /**
     * The network's output (inference mode) for sequences: NCW features {@code [rows, nIn, T]} with their mask
     * {@code [rows, T]} (1 = real step, 0 = padding), so padded steps change nothing.
     */
    public INDArray output(INDArray features, INDArray featuresMask) {
        return layers != null ? layers.output(features, false, featuresMask, null)
                : graph.output(false, new INDArray[] {features}, new INDArray[] {featuresMask})[0];
    }

    /** One step of training on a batch of a multi-input graph (features and masks in the graph's input order). */
    public void fit(MultiDataSet batch) {
        requireGraph("fit(MultiDataSet)", "fit(DataSet)").fit(batch);
    }

    /**
     * Each example's loss in inference mode for a multi-input graph, as a column of [rows, 1] (see
     * {@link #scoreExamples(org.nd4j.linalg.dataset.DataSet, boolean)}).
     */
    public INDArray scoreExamples(MultiDataSet batch, boolean withRegularization) {
        ComputationGraph g = requireGraph("scoreExamples(MultiDataSet, boolean)", "scoreExamples(DataSet, boolean)");
        // DL4J 1.0.0-M2.1's ComputationGraph.scoreExamples detaches a per-step output layer's scores after closing
        // the workspace that holds them ("leaked workspace pointer", MultiInputNetworkTest); without inference
        // workspaces there is nothing to leak. The network is not shared between threads, so the switch is safe.
        WorkspaceMode mode = g.getConfiguration().getInferenceWorkspaceMode();
        g.getConfiguration().setInferenceWorkspaceMode(WorkspaceMode.NONE);
        try {
            return g.scoreExamples(batch, withRegularization);
        } finally {
            g.getConfiguration().setInferenceWorkspaceMode(mode);
        }
    }

    /**
     * The graph's output (inference mode) for its inputs in order, with their feature masks ({@code masks} or any
     * of its entries may be null: no padding).
     */
    public INDArray output(INDArray[] inputs, INDArray[] masks) {
        ComputationGraph g = requireGraph("output(INDArray[], INDArray[])", "output(INDArray)");
        if (inputs == null || inputs.length != numInputs()) {
            throw new IllegalArgumentException("the graph has " + numInputs() + " inputs "
                    + g.getConfiguration().getNetworkInputs() + " but got " + (inputs == null ? "null" : inputs.length)
                    + " arrays; pass one array per input, in that order");
        }
        if (masks != null && masks.length != inputs.length) {
            throw new IllegalArgumentException("got " + masks.length + " masks for " + inputs.length + " inputs "
                    + g.getConfiguration().getNetworkInputs() + "; pass one mask (or null) per input, or null");
        }
        return g.output(false, inputs, masks, null)[0];
    }

    private void requireSingleInput(String method, String multiInputMethod) {
        if (numInputs() != 1) {
            throw new IllegalStateException(method + " is for networks with one input, but this graph has "
                    + graph.getConfiguration().getNetworkInputs() + "; use " + multiInputMethod);
        }
    }

    private ComputationGraph requireGraph(String method, String layerStackMethod) {
        if (graph == null) {
            throw new IllegalStateException(method + " is for ComputationGraphs; this network is a layer stack "
                    + "(MultiLayerNetwork), use " + layerStackMethod);
        }
        return graph;
    }

    /** All parameters, flattened; a view, so assigning to it changes the network. */
    public INDArray params() {
        return layers != null ? layers.params() : graph.params();
    }

    /** The optimizer state, flattened (a view), or null for stateless optimizers. Creates the updater if needed. */
    public INDArray updaterState() {
        return layers != null ? layers.getUpdater(true).getStateViewArray()
                : graph.getUpdater(true).getStateViewArray();
    }

    public int iteration() {
        return layers != null ? layers.getIterationCount() : graph.getConfiguration().getIterationCount();
    }

    public int epoch() {
        return layers != null ? layers.getEpochCount() : graph.getConfiguration().getEpochCount();
    }

    /** Sets the counters that Adam's bias correction and learning-rate schedules read. */
    public void setCounters(int iteration, int epoch) {
        if (layers != null) {
            layers.setIterationCount(iteration);
            layers.setEpochCount(epoch);
        } else {
            graph.getConfiguration().setIterationCount(iteration);
            graph.getConfiguration().setEpochCount(epoch);
        }
    }
}
