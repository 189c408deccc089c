package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BatchNorm as {@link MlpSpec} builds it (DL4J's {@code BatchNormalization}) against the course's §4.5.4:
 * ã = β + γ·(a − E[a])/√(Var[a] + ε), per feature (column) over the mini-batch. Training mode matches it with the
 * biased variance (1/B); test mode does not use the last batch's statistics, as the notes say, but DL4J's running
 * averages m ← decay·m + (1 − decay)·E_B[a], stored as log10 of the standard deviation, and parameter averaging
 * averages those stored values across workers (see docs/COURSE.md, "BatchNorm at training and at test time").
 */
@ExtendWith(DoubleDefaults.class)
class BatchNormCourseTest {
    private static final int N_IN = 3;
    private static final int WIDTH = 4;
    private static final int BATCH = 6;

    @Test
    void trainingModeIsTheCourseFormulaWithTheBiasedBatchVariance() {
        MultiLayerNetwork net = network(Normalization.BATCH_BEFORE_ACTIVATION, new Random(1));
        INDArray x = MlpNetworks.gaussian(new Random(2), BATCH, N_IN);
        double[][] a = rows(batchNormOutputs(net, x, true).get(1));   // the dense layer's (identity) pre-activations
        double[][] actual = rows(batchNormOutputs(net, x, true).get(2));
        double eps = batchNormConf(net).getEps();
        double[][] biased = CourseBatchNorm.training(a, gamma(net), beta(net), eps, false);
        double[][] unbiased = CourseBatchNorm.training(a, gamma(net), beta(net), eps, true);
        assertEquals(0, CourseBatchNorm.maxDifference(biased, actual), 1e-10);
        // The test can tell the two variances apart: 1/(B−1) moves every value by more than 1e-2 here.
        assertTrue(CourseBatchNorm.maxDifference(unbiased, actual) > 1e-2);
    }

    @ParameterizedTest
    @EnumSource(value = Normalization.class, names = {"BATCH_BEFORE_ACTIVATION", "BATCH_AFTER_ACTIVATION"})
    void mlpWithBatchNormPassesTheGradientCheck(Normalization position) {
        Random random = new Random(3 + position.ordinal());
        MultiLayerNetwork net = network(position, random);
        INDArray x = MlpNetworks.gaussian(random, BATCH, N_IN);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                .labels(MlpNetworks.oneHot(random, BATCH, 3))
                // The running mean and log σ are updated in the backward pass as if they were gradients, but the
                // score does not depend on them in training mode: they are not gradients to check.
                .excludeParams(Set.of("1_" + BatchNormalizationParamInitializer.GLOBAL_MEAN,
                        "1_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD))
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)), position.name());
    }

    @Test
    void testModeUsesRunningAveragesNotTheLastBatch() {
        MultiLayerNetwork net = network(Normalization.BATCH_BEFORE_ACTIVATION, new Random(4));
        BatchNormalization conf = batchNormConf(net);
        assertTrue(conf.isUseLogStd(), "DL4J stores the running variance as log10(σ)");
        INDArray x = MlpNetworks.gaussian(new Random(5), BATCH, N_IN);
        INDArray y = MlpNetworks.oneHot(new Random(6), BATCH, 3);
        double[][] before = rows(batchNormOutputs(net, x, true).get(1));
        double[] startMean = row(net.getParam("1_" + BatchNormalizationParamInitializer.GLOBAL_MEAN));
        double[] startLogStd = row(net.getParam("1_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
        net.fit(new DataSet(x, y));

        // One step: running mean and variance move a share (1 − decay) towards this batch's (biased) statistics.
        double decay = conf.getDecay();
        double[] batchMean = CourseBatchNorm.mean(before);
        double[] batchVar = CourseBatchNorm.variance(before, false);
        double[] mean = row(net.getParam("1_" + BatchNormalizationParamInitializer.GLOBAL_MEAN));
        double[] variance = CourseBatchNorm.varianceFromLog10Std(
                row(net.getParam("1_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD)));
        double[] startVar = CourseBatchNorm.varianceFromLog10Std(startLogStd);
        for (int d = 0; d < WIDTH; d++) {
            assertEquals(decay * startMean[d] + (1 - decay) * batchMean[d], mean[d], 1e-10, "running mean " + d);
            assertEquals(decay * startVar[d] + (1 - decay) * batchVar[d], variance[d], 1e-10, "running var " + d);
        }

        // At test time the layer normalises with those running values...
        INDArray probe = MlpNetworks.gaussian(new Random(7), 5, N_IN);
        double[][] a = rows(batchNormOutputs(net, probe, false).get(1));
        double[][] actual = rows(batchNormOutputs(net, probe, false).get(2));
        double eps = conf.getEps();
        double[][] running = CourseBatchNorm.withStatistics(a, mean, variance, gamma(net), beta(net), eps);
        assertEquals(0, CourseBatchNorm.maxDifference(running, actual), 1e-10);
        // ...not with the final training batch's statistics, which is what the notes fix at test time.
        double[][] notes = CourseBatchNorm.withStatistics(a, batchMean, batchVar, gamma(net), beta(net), eps);
        assertTrue(CourseBatchNorm.maxDifference(notes, actual) > 1e-2);
    }

    @Test
    void parameterAveragingAveragesTheRunningMeanAndTheLogOfTheStandardDeviation() {
        MultiLayerNetwork first = network(Normalization.BATCH_BEFORE_ACTIVATION, new Random(8));
        MultiLayerNetwork second = first.clone();
        first.fit(new DataSet(MlpNetworks.gaussian(new Random(9), BATCH, N_IN),
                MlpNetworks.oneHot(new Random(10), BATCH, 3)));
        INDArray shifted = MlpNetworks.gaussian(new Random(11), BATCH, N_IN).muli(3).addi(2);
        second.fit(new DataSet(shifted, MlpNetworks.oneHot(new Random(12), BATCH, 3)));
        // The trainer averages the flat parameter vectors of its workers, running statistics included.
        MultiLayerNetwork averaged = first.clone();
        averaged.setParams(first.params().add(second.params()).divi(2));

        String meanKey = "1_" + BatchNormalizationParamInitializer.GLOBAL_MEAN;
        String logStdKey = "1_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
        double[] m1 = row(first.getParam(meanKey));
        double[] m2 = row(second.getParam(meanKey));
        double[] v1 = CourseBatchNorm.varianceFromLog10Std(row(first.getParam(logStdKey)));
        double[] v2 = CourseBatchNorm.varianceFromLog10Std(row(second.getParam(logStdKey)));
        double[] mean = row(averaged.getParam(meanKey));
        double[] variance = CourseBatchNorm.varianceFromLog10Std(row(averaged.getParam(logStdKey)));
        boolean varianceDiffers = false;
        for (int d = 0; d < WIDTH; d++) {
            assertEquals((m1[d] + m2[d]) / 2, mean[d], 1e-12, "mean " + d);
            // The average of log σ is the geometric mean of the workers' σ: √(σ1·σ2), so the variance is √(v1·v2).
            assertEquals(Math.sqrt(v1[d] * v2[d]), variance[d], 1e-10, "variance " + d);
            varianceDiffers |= Math.abs((v1[d] + v2[d]) / 2 - variance[d]) > 1e-3;
        }
        assertTrue(varianceDiffers, "the geometric mean is below the arithmetic mean of the workers' variances");
    }

    /** A one-hidden-layer double-precision MlpSpec network with random γ and β (not the trivial 1 and 0). */
    private static MultiLayerNetwork network(Normalization normalization, Random random) {
        MlpSpec spec = MlpNetworks.gradientCheckSpec(HiddenActivation.TANH).toBuilder().hiddenLayers(WIDTH)
                .normalization(normalization).build();
        MultiLayerNetwork net = spec.buildNetwork(N_IN, OutputHead.categorical(3)).convertDataType(DataType.DOUBLE);
        int bn = 1; // the BatchNorm layer follows the dense layer in both positions
        net.setParam(bn + "_" + BatchNormalizationParamInitializer.GAMMA,
                Nd4j.create(CourseBatchNorm.random(random, WIDTH, 1, 0.5)).reshape(1, WIDTH));
        net.setParam(bn + "_" + BatchNormalizationParamInitializer.BETA,
                Nd4j.create(CourseBatchNorm.random(random, WIDTH, 0, 0.5)).reshape(1, WIDTH));
        return net;
    }

    /**
     * Input, dense and BatchNorm outputs only: DL4J's activation layer after BatchNorm works in place at inference,
     * so activations of the full forward pass would show the BatchNorm output already through tanh.
     */
    private static java.util.List<INDArray> batchNormOutputs(MultiLayerNetwork net, INDArray x, boolean training) {
        return net.feedForwardToLayer(1, x, training);
    }

    private static BatchNormalization batchNormConf(MultiLayerNetwork net) {
        return (BatchNormalization) net.getLayer(1).conf().getLayer();
    }

    private static double[] gamma(MultiLayerNetwork net) {
        return row(net.getParam("1_" + BatchNormalizationParamInitializer.GAMMA));
    }

    private static double[] beta(MultiLayerNetwork net) {
        return row(net.getParam("1_" + BatchNormalizationParamInitializer.BETA));
    }

    private static double[] row(INDArray values) {
        return values.dup().reshape(values.length()).toDoubleVector();
    }

    private static double[][] rows(INDArray values) {
        return values.toDoubleMatrix();
    }
}
