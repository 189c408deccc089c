package io.deepline.models.optim;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.LayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimizer step on the negative ELBO of a network whose only layer is DL4J's variational autoencoder, with
 * the optimizer state kept in the <em>network's</em> updater state view, so that it is snapshotted, restored and
 * averaged like every other network's ({@code NetworkSnapshot.updaterStateOf / applyTo}).
 *
 * <p>Why not DL4J's own paths (1.0.0-M2.1): {@code MultiLayerNetwork.fit} is supervised backprop, and the
 * network's {@code MultiLayerUpdater} skips the VAE's decoder ("pretrain") params
 * ({@code UpdaterBlock.skipDueToPretrainConfig}); {@code pretrainLayer} / {@code layer.fit()} build a private
 * {@code Solver} whose {@code LayerUpdater} holds its own Adam state, which no snapshot sees and which would
 * restart from zero after every averaging round. Here the step is DL4J's pretrain step spelled out
 * ({@code StochasticGradientDescent.optimize} on the layer): {@code computeGradientAndScore} (the negative ELBO
 * and its gradient, summed over the batch), a {@link LayerUpdater} built over the network's state view (it divides
 * by the batch size, applies L2 and the updater to every param, decoder included), params ← params − update, and
 * the iteration counter + 1. The counter is the network's (which the snapshot carries), so Adam's bias
 * correction continues across rounds. One worker reproduces {@code pretrainLayer} step for step
 * ({@code VaeElboStepTest}).
 */
public final class VaeElboStep {
    private VaeElboStep() {
    }

    /**
     * One step on {@code features} [rows, nIn]; returns the batch's loss (negative ELBO averaged over the rows, plus
     * the L2 penalty), which also becomes {@code net.score()}.
     */
    public static double fit(MultiLayerNetwork net, INDArray features) {
        VariationalAutoencoder vae = vaeOf(net);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray state = net.getUpdater(true).getStateViewArray();
        // Built per step: its blocks are views into the network's params, gradients and optimizer state, so it
        // holds no state of its own (cheap next to the forward and backward passes).
        LayerUpdater updater = new LayerUpdater(vae, state);
        int iteration = net.getIterationCount();
        int epoch = net.getEpochCount();
        vae.setIterationCount(iteration);
        vae.setEpochCount(epoch);

        vae.setInput(features, noWorkspaces);
        vae.computeGradientAndScore(noWorkspaces);
        Gradient gradient = vae.gradient();
        updater.update(vae, gradient, iteration, epoch, (int) features.size(0), noWorkspaces);
        vae.params().subi(gradient.gradient()); // DL4J's NegativeDefaultStepFunction
        vae.applyConstraints(iteration, epoch);
        vae.clear();

        net.setIterationCount(iteration + 1);
        double loss = vae.score();
        net.setScore(loss);
        return loss;
    }

    /** The network's variational autoencoder layer; fails for any other network. */
    public static VariationalAutoencoder vaeOf(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        if (layers.length != 1 || !(layers[0] instanceof VariationalAutoencoder vae)) {
            throw new IllegalStateException("a VAE step needs a network whose only layer is a VariationalAutoencoder"
                    + " (see VaeSpec), but this one has " + layers.length + " layer(s)"
                    + (layers.length > 0 ? ", the first a " + layers[0].getClass().getSimpleName() : ""));
        }
        return vae;
    }
}
