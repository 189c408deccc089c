package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whole Transformer graphs (embeddings or input projection, positional encodings, encoder blocks, pooling; decoder
 * blocks with causal self-attention and cross-attention) against central finite differences, post- and pre-norm,
 * with ragged masks: DL4J's gradient-check settings (double precision, ε = 1e-6, max relative error 1e-3, min
 * absolute error 1e-8) on random parameters, on up to {@value #MAX_PER_PARAM} entries of every parameter array (every
 * array of every layer and vertex is covered; the vertices' own checks in the layers package cover every entry).
 */
@ExtendWith(DoubleDefaults.class)
class TransformerGradientCheckTest {
    private static final double[][] MASK = {{1, 1, 1, 1}, {1, 1, 1, 0}, {1, 0, 0, 0}};
    private static final double[][] TARGET_MASK = {{1, 1, 1}, {1, 1, 0}, {1, 0, 0}};

    /** Entries checked per parameter array (spread over it), which keeps the whole-graph checks to seconds. */
    private static final int MAX_PER_PARAM = 6;

    @ParameterizedTest
    @CsvSource({"TOKENS, false, MEAN", "TOKENS, true, CLS", "REAL, false, CLS", "REAL, true, MEAN"})
    void encoderClassifier(StepInput input, boolean preNorm, TransformerPooling pooling) {
        Random random = new Random(input.ordinal() * 4L + (preNorm ? 2 : 0) + pooling.ordinal());
        TransformerSpec spec = TransformerGraphs.classifier(input, preNorm, pooling, true);
        int width = input == StepInput.TOKENS ? 1 : 3;
        ComputationGraph graph = TransformerGraphs.randomDouble(spec.buildGraph(width,
                OutputHead.categorical(TransformerGraphs.CLASSES)), random);
        INDArray x = input == StepInput.TOKENS
                ? TransformerGraphs.ids(random, 3, 4, TransformerGraphs.VOCABULARY, DataType.DOUBLE)
                : TransformerGraphs.gaussian(random, DataType.DOUBLE, 3, width, 4);
        INDArray labels = TransformerGraphs.oneHot(random, 3, TransformerGraphs.CLASSES, DataType.DOUBLE);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {x}).labels(new INDArray[] {labels})
                .inputMask(new INDArray[] {Nd4j.create(MASK)})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).subset(true).maxPerParam(MAX_PER_PARAM)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void encoderDecoder(boolean preNorm) {
        Random random = new Random(preNorm ? 11 : 12);
        Seq2SeqSpec spec = TransformerGraphs.seq2seq(preNorm);
        ComputationGraph graph = TransformerGraphs.randomDouble(spec.buildGraph(), random);
        int vocabulary = spec.targetVocabularySize();
        INDArray source = TransformerGraphs.ids(random, 3, 4, spec.sourceVocabularySize(), DataType.DOUBLE);
        INDArray target = TransformerGraphs.ids(random, 3, 3, vocabulary, DataType.DOUBLE);
        INDArray labels = TransformerGraphs.oneHot(random, 3, vocabulary, DataType.DOUBLE, 3);
        INDArray targetMask = Nd4j.create(TARGET_MASK);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {source, target}).labels(new INDArray[] {labels})
                .inputMask(new INDArray[] {Nd4j.create(MASK), targetMask})
                .labelMask(new INDArray[] {targetMask})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).subset(true).maxPerParam(MAX_PER_PARAM)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }
}
