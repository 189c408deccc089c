package io.deepline.models.state;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The one adapter over DL4J's two network classes, so the trainer, the scorers and persistence have a single
 * code path: a {@link MultiLayerNetwork} (a stack of layers) or a {@link ComputationGraph} (e.g. with skip
 * connections), both with one input and one output.
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
            if (g.getConfiguration().getNetworkInputs().size() != 1 || g.getConfiguration().getNetworkOutputs().size() != 1) {
                throw new IllegalArgumentException("Deepline trains graphs with one input and one output, not "
                        + g.getConfiguration().getNetworkInputs() + " → " + g.getConfiguration().getNetworkOutputs());
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
        return layers != null ? layers.scoreExamples(batch, withRegularization)
                : graph.scoreExamples(batch, withRegularization);
    }

    /** The network's output (inference mode) for a [rows, features] input. */
    public INDArray output(INDArray features) {
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
