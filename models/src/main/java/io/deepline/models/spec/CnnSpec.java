package io.deepline.models.spec;

import io.deepline.models.layers.WeightedOutput;
import io.deepline.models.state.NetworkSnapshot;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/**
 * A convolutional classifier or regressor (LeCun et al. 1998): the {@link CnnArchitecture}'s convolution, max
 * pooling and dense layers over images given as flat vectors of {@link ImageShape}, then an {@link OutputHead}.
 *
 * <p>Every convolution and dense layer uses {@code activation}; with {@code batchNorm} a BatchNormalization
 * (per channel after a convolution, per unit after a dense layer) sits between the linear part and the activation,
 * as the feedforward networks' {@code normalization=batch, batchNormPosition=before} (course §4.5.4).
 * {@code dropout} is the probability of dropping a unit of the input of every dense layer and of the output layer
 * (the flattened feature maps and the dense activations), where LeNet-style networks put it; convolutions have
 * few, shared weights and get none.
 *
 * @param dropout probability of dropping a unit, in [0, 1)
 */
public record CnnSpec(ImageShape imageShape, CnnArchitecture architecture, HiddenActivation activation,
                      double leakyReluSlope, boolean batchNorm, double dropout, NetworkTraining training) {

    public CnnSpec {
        if (imageShape == null || architecture == null || activation == null || training == null) {
            throw new IllegalArgumentException("a CNN spec needs an image shape, an architecture, an activation and"
                    + " training settings");
        }
        SpecChecks.checkHidden(activation, leakyReluSlope, dropout);
    }

    /** The DL4J layer stack for this head; its input is a flat image vector. */
    public MultiLayerConfiguration toConfiguration(OutputHead head) {
        NeuralNetConfiguration.ListBuilder list = training.global(activation).list();
        IActivation act = activation.dl4j(leakyReluSlope);
        double keep = dropout > 0 ? 1.0 - dropout : 0;
        for (CnnLayer layer : architecture.layers()) {
            if (layer instanceof CnnLayer.Conv c) {
                addWithActivation(list, new ConvolutionLayer.Builder(c.kernel(), c.kernel()).stride(c.stride(), c.stride())
                        .nOut(c.filters()).convolutionMode(ConvolutionMode.Same), act);
            } else if (layer instanceof CnnLayer.Pool p) {
                list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(p.size(), p.size())
                        .stride(p.stride(), p.stride()).convolutionMode(ConvolutionMode.Same).build());
            } else if (layer instanceof CnnLayer.Dense d) {
                DenseLayer.Builder dense = new DenseLayer.Builder().nOut(d.units());
                if (keep > 0) {
                    // DL4J applies a layer's dropout to that layer's input, and takes the probability of KEEPING.
                    dense.dropOut(keep);
                }
                addWithActivation(list, dense, act);
            }
        }
        OutputLayer.Builder output = new OutputLayer.Builder(head.loss()).nOut(head.size()).activation(head.activation());
        if (keep > 0) {
            output.dropOut(keep);
        }
        list.layer(WeightedOutput.of(output));
        // Adds the flat-vector → [batch, channels, height, width] reshape and infers every nIn.
        list.setInputType(InputType.convolutionalFlat(imageShape.height(), imageShape.width(), imageShape.channels()));
        return list.build();
    }

    private void addWithActivation(NeuralNetConfiguration.ListBuilder list, BaseLayer.Builder<?> layer,
                                   IActivation act) {
        if (!batchNorm) {
            list.layer(layer.activation(act).build());
            return;
        }
        list.layer(layer.activation(Activation.IDENTITY).build());
        list.layer(new BatchNormalization.Builder().build());
        list.layer(new ActivationLayer.Builder().activation(act).build());
    }

    /** A freshly initialised network; the same spec always starts with the same weights. */
    public MultiLayerNetwork buildNetwork(OutputHead head) {
        MultiLayerNetwork net = new MultiLayerNetwork(toConfiguration(head));
        net.init();
        return net;
    }

    /** The initial state the trainer starts from. */
    public NetworkSnapshot initialState(OutputHead head) {
        return NetworkSnapshot.of(buildNetwork(head));
    }
}
