package io.deepline.models.spec;

import io.deepline.models.layers.Gru;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.nd4j.linalg.activations.Activation;

/** The recurrent units a {@link SequenceSpec} may stack (course §7), each with tanh state and sigmoid gates. */
public enum RecurrentCell {
    /** Elman RNN, h_t = tanh(x_t W + h_{t−1} U + b) (DL4J {@code SimpleRnn}). */
    RNN,
    /** Long short-term memory with input, forget and output gates (DL4J {@code LSTM}, no peepholes). */
    LSTM,
    /** Gated recurrent unit ({@link Gru}, the project's mask-aware layer; DL4J 1.0.0-M2.1 has none). */
    GRU;

    /**
     * One layer of this cell from {@code nIn} features to {@code hiddenSize} units; {@code keep} is DL4J's
     * probability of keeping an input unit (0: no dropout).
     */
    org.deeplearning4j.nn.conf.layers.Layer layer(int nIn, int hiddenSize, double keep) {
        org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer.Builder<?> builder = switch (this) {
            case RNN -> new SimpleRnn.Builder().activation(Activation.TANH);
            case LSTM -> new LSTM.Builder().activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID);
            case GRU -> new Gru.Builder(); // tanh and sigmoid are fixed
        };
        builder.nIn(nIn).nOut(hiddenSize);
        if (keep > 0) {
            builder.dropOut(keep);
        }
        return builder.build();
    }

    public static String[] names() {
        return UserNames.of(RecurrentCell.class);
    }

    public static RecurrentCell parse(String name) {
        return UserNames.parse(RecurrentCell.class, name, "cell");
    }
}
