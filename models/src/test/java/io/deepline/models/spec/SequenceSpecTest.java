package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import io.deepline.models.layers.Gru;
import io.deepline.models.state.NetworkSnapshot;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossPoisson;

/** {@link SequenceSpec}: the layer stacks it builds, their JSON, and the errors for bad values. */
class SequenceSpecTest {
    private static final int FEATURES = 3;
    private static final int STEPS = 6;
    private static final int BATCH = 2;

    /** Every cell × output × pooling × direction × input kind that the spec accepts. */
    static List<Arguments> everyShape() {
        List<Arguments> all = new ArrayList<>();
        for (RecurrentCell cell : RecurrentCell.values()) {
            for (SequenceOutput output : SequenceOutput.values()) {
                for (SequencePooling pooling : SequencePooling.values()) {
                    if (output == SequenceOutput.PER_STEP && pooling != SequencePooling.LAST) {
                        continue; // pooling is unused per step
                    }
                    for (boolean bidirectional : new boolean[] {false, true}) {
                        if (bidirectional && cell == RecurrentCell.LSTM) {
                            continue; // refused, see Dl4jLstmMaskTest
                        }
                        for (StepInput input : StepInput.values()) {
                            all.add(Arguments.of(cell, output, pooling, bidirectional, input));
                        }
                    }
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} {2} bidirectional={3} {4}")
    @MethodSource("everyShape")
    void buildsRunsAndSurvivesJson(RecurrentCell cell, SequenceOutput output, SequencePooling pooling,
                                   boolean bidirectional, StepInput input) {
        SequenceSpec.Builder builder = SequenceSpec.builder().cell(cell).hiddenSize(4).numLayers(2)
                .bidirectional(bidirectional).output(output).pooling(pooling).dropout(0.2).input(input);
        if (input == StepInput.TOKENS) {
            builder.vocabularySize(9).embeddingSize(5);
        }
        SequenceSpec spec = builder.build();
        int nIn = input == StepInput.TOKENS ? 1 : FEATURES;
        MultiLayerConfiguration conf = spec.toConfiguration(nIn, OutputHead.categorical(3));
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));

        MultiLayerNetwork net = spec.buildNetwork(nIn, OutputHead.categorical(3));
        INDArray features = input == StepInput.TOKENS
                ? Nd4j.arange(BATCH * STEPS).fmodi(9).castTo(DataType.FLOAT).reshape(BATCH, 1, STEPS) // ids 0..8
                : Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS);
        INDArray predicted = net.output(features);
        long[] expected = output == SequenceOutput.MANY_TO_ONE ? new long[] {BATCH, 3} : new long[] {BATCH, 3, STEPS};
        assertArrayEquals(expected, predicted.shape());
        INDArray rowSums = predicted.sum(1);
        assertTrue(rowSums.sub(1.0).amaxNumber().doubleValue() < 1e-5, "softmax rows sum to 1: " + rowSums);
    }

    @Test
    void stacksTheChosenCellsWithDropoutBetweenThemNeverOnTheInput() {
        MultiLayerConfiguration conf = SequenceSpec.builder().cell(RecurrentCell.LSTM).hiddenSize(6).numLayers(3)
                .dropout(0.25).pooling(SequencePooling.MEAN).build().toConfiguration(FEATURES, OutputHead.bernoulli());
        assertEquals(5, conf.getConfs().size(), "3 recurrent layers, pooling, output");
        LSTM first = (LSTM) layer(conf, 0);
        assertEquals(FEATURES, first.getNIn());
        assertEquals(6, first.getNOut());
        assertNull(first.getIDropout(), "the input is never dropped");
        for (int i = 1; i < 3; i++) {
            LSTM next = (LSTM) layer(conf, i);
            assertEquals(6, next.getNIn());
            assertEquals(0.75, ((Dropout) next.getIDropout()).getP(), 1e-12, "DL4J keeps with probability 1 - p");
        }
        assertEquals(PoolingType.AVG, ((GlobalPoolingLayer) layer(conf, 3)).getPoolingType());
        OutputLayer out = (OutputLayer) layer(conf, 4);
        assertEquals(0.75, ((Dropout) out.getIDropout()).getP(), 1e-12);
        assertInstanceOf(ActivationSigmoid.class, out.getActivationFn());
        assertInstanceOf(LossBinaryXENT.class, out.getLossFn());
    }

    @Test
    void bidirectionalConcatenatesBothDirectionsAndLastWrapsTheTopLayer() {
        MultiLayerConfiguration conf = SequenceSpec.builder().cell(RecurrentCell.GRU).hiddenSize(4).numLayers(2)
                .bidirectional(true).pooling(SequencePooling.LAST).build()
                .toConfiguration(FEATURES, OutputHead.gaussian(2));
        Bidirectional bottom = (Bidirectional) layer(conf, 0);
        assertEquals(Bidirectional.Mode.CONCAT, bottom.getMode());
        assertInstanceOf(Gru.class, bottom.getFwd());
        LastTimeStep top = (LastTimeStep) layer(conf, 1);
        Bidirectional wrapped = (Bidirectional) top.getUnderlying();
        assertEquals(8, wrapped.getNIn(), "the second layer reads both directions of the first");
        assertEquals(8, ((OutputLayer) layer(conf, 2)).getNIn());
    }

    @Test
    void tokensGoThroughAnEmbeddingAndPerStepUsesAnRnnOutputLayer() {
        MultiLayerConfiguration conf = SequenceSpec.builder().cell(RecurrentCell.RNN).hiddenSize(4)
                .input(StepInput.TOKENS).vocabularySize(20).embeddingSize(7).output(SequenceOutput.PER_STEP)
                .build().toConfiguration(1, OutputHead.poisson(1));
        EmbeddingSequenceLayer embedding = (EmbeddingSequenceLayer) layer(conf, 0);
        assertEquals(20, embedding.getNIn());
        assertEquals(7, embedding.getNOut());
        assertEquals(7, ((SimpleRnn) layer(conf, 1)).getNIn());
        RnnOutputLayer out = (RnnOutputLayer) layer(conf, 2);
        assertInstanceOf(LossPoisson.class, out.getLossFn());
        assertEquals(org.deeplearning4j.nn.conf.RNNFormat.NCW, out.getRnnDataFormat(),
                "explicit: DL4J reads a null format as NWC when no input type is set");
    }

    @Test
    void initialStateIsTheSameForTheSameSeedAndRestores() {
        SequenceSpec spec = SequenceSpec.builder().cell(RecurrentCell.GRU).hiddenSize(4).seed(9).build();
        NetworkSnapshot a = spec.initialState(FEATURES, OutputHead.categorical(2));
        NetworkSnapshot b = spec.initialState(FEATURES, OutputHead.categorical(2));
        NetworkSnapshot c = spec.toBuilder().seed(10).build().initialState(FEATURES, OutputHead.categorical(2));
        assertArrayEquals(a.params(), b.params());
        assertNotEquals(java.util.Arrays.toString(a.params()), java.util.Arrays.toString(c.params()));
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, FEATURES, 4);
        assertEquals(spec.buildNetwork(FEATURES, OutputHead.categorical(2)).output(x), a.toNetwork().output(x));
        assertEquals(spec, spec.toBuilder().build());
    }

    @Test
    void badValuesNameTheSetting() {
        assertMessage("hiddenSize", () -> SequenceSpec.builder().hiddenSize(0).build());
        assertMessage("numLayers", () -> SequenceSpec.builder().numLayers(0).build());
        assertMessage("cell 'transformer'", () -> SequenceSpec.builder().cell("transformer"));
        assertMessage("pooling 'median'", () -> SequenceSpec.builder().pooling("median"));
        assertMessage("vocabularySize", () -> SequenceSpec.builder().input(StepInput.TOKENS).embeddingSize(4)
                .build());
        assertMessage("embeddingSize", () -> SequenceSpec.builder().input(StepInput.TOKENS).vocabularySize(4)
                .build());
        assertMessage("input=tokens", () -> SequenceSpec.builder().vocabularySize(4).build());
        assertMessage("bidirectional=true is not supported with cell=lstm",
                () -> SequenceSpec.builder().cell(RecurrentCell.LSTM).bidirectional(true).build());
        assertMessage("dropout", () -> SequenceSpec.builder().dropout(1.0).build());
        assertMessage("learningRate", () -> SequenceSpec.builder().learningRate(0).build());
        assertMessage("cell must be set", () -> SequenceSpec.builder().cell((RecurrentCell) null).build());
        SequenceSpec tokens = SequenceSpec.builder().input(StepInput.TOKENS).vocabularySize(4).embeddingSize(2)
                .build();
        assertMessage("nIn must be 1", () -> tokens.toConfiguration(3, OutputHead.bernoulli()));
        assertMessage("input features per step is 0",
                () -> SequenceSpec.builder().build().toConfiguration(0, OutputHead.bernoulli()));
    }

    @Test
    void userNamesParseCaseInsensitively() {
        assertEquals(RecurrentCell.GRU, RecurrentCell.parse(" GRU "));
        assertEquals(SequencePooling.MAX, SequencePooling.parse("max"));
        assertEquals(SequenceOutput.PER_STEP, SequenceOutput.parse("per_step"));
        assertEquals(StepInput.TOKENS, StepInput.parse("tokens"));
    }

    private static Layer layer(MultiLayerConfiguration conf, int index) {
        return conf.getConf(index).getLayer();
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should name " + expected);
    }
}
