package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * gradientDiagnostics in the trainer (course §4.5) on iris (150 standardised rows) as one mini-batch on one
 * worker, so an epoch's mean gradient is the full-batch gradient at the params the epoch started from.
 */
@ExtendWith(SparkSessionExtension.class)
class GradientDiagnosticsTest {
    private static final int DEPTH = 6;
    private static MiniBatch iris;
    private static JavaRDD<MiniBatch> batches;

    @BeforeAll
    static void data() {
        SparkSession spark = SparkSessionExtension.session();
        iris = ParameterAveragingTrainerTest.irisBatches(spark, 150).get(0);
        batches = ParameterAveragingTrainerTest.rdd(spark, List.of(iris), 1);
    }

    /** {@code DEPTH} hidden layers of 16 units, then softmax over the 3 classes. */
    private static MultiLayerNetwork mlp(Activation activation, WeightInit init, int depth) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder().seed(5)
                .updater(new Sgd(0.1)).weightInit(init).list();
        for (int i = 0; i < depth; i++) {
            layers.layer(new DenseLayer.Builder().nIn(i == 0 ? 4 : 16).nOut(16).activation(activation).build());
        }
        MultiLayerConfiguration conf = layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(16).nOut(3).activation(Activation.SOFTMAX).build()).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static TrainingHistory train(MultiLayerNetwork net, int epochs, boolean diagnostics) {
        TrainingSettings settings = new TrainingSettings("diag", epochs, 1, 7).withGradientDiagnostics(diagnostics);
        return new ParameterAveragingTrainer(settings, null).train(batches, NetworkSnapshot.of(net)).history();
    }

    private static double norm(EpochStats epoch, int layer) {
        Double value = epoch.diagnostics().get(LayerDiagnostics.GRADIENT_NORM + layer);
        assertNotNull(value, "no gradient norm of layer " + layer + " in " + epoch.diagnostics());
        return value;
    }

    @Test
    void aDeepSigmoidNetworkShowsVanishingGradientsAndAReluHeOneDoesNot() {
        EpochStats sigmoid = train(mlp(Activation.SIGMOID, WeightInit.XAVIER, DEPTH), 1, true).epochs().get(0);
        EpochStats relu = train(mlp(Activation.RELU, WeightInit.RELU, DEPTH), 1, true).epochs().get(0);
        double sigmoidRatio = norm(sigmoid, 0) / norm(sigmoid, DEPTH);
        double reluRatio = norm(relu, 0) / norm(relu, DEPTH);
        // Each sigmoid layer scales the backpropagated signal by σ' <= 1/4: over six layers, orders of magnitude.
        assertTrue(sigmoidRatio < 1e-2, "sigmoid: first/last layer gradient norm " + sigmoidRatio + " in "
                + sigmoid.diagnostics());
        assertTrue(reluRatio > 0.1, "relu/He: first/last layer gradient norm " + reluRatio + " in "
                + relu.diagnostics());
        assertTrue(sigmoid.diagnostics().keySet().stream().noneMatch(k -> k.startsWith(LayerDiagnostics.DEAD_UNITS)),
                "sigmoid units cannot die: " + sigmoid.diagnostics());
    }

    @Test
    void perLayerNormsAreThoseOfPlainDl4jGradients() {
        MultiLayerNetwork net = mlp(Activation.TANH, WeightInit.XAVIER, 2);
        EpochStats epoch = train(net, 1, true).epochs().get(0);

        // Oracle: DL4J's own gradient at the initial params on the same rows, divided by the rows (the workers sum
        // mean-loss gradients), cut into layers by each layer's param count in order.
        DataSet rows = iris.toDataSet();
        MultiLayerNetwork plain = mlp(Activation.TANH, WeightInit.XAVIER, 2);
        plain.setInput(rows.getFeatures());
        plain.setLabels(rows.getLabels());
        plain.computeGradientAndScore();
        INDArray gradient = plain.gradient().gradient().castTo(DataType.DOUBLE).reshape(-1).div(rows.numExamples());
        long offset = 0;
        double squares = 0;
        for (int layer = 0; layer < plain.getnLayers(); layer++) {
            long n = plain.getLayer(layer).numParams();
            double expected = gradient.get(NDArrayIndex.interval(offset, offset + n)).norm2Number().doubleValue();
            assertEquals(expected, norm(epoch, layer), 1e-4 * expected, "layer " + layer);
            squares += expected * expected;
            offset += n;
        }
        assertEquals(gradient.length(), offset);
        assertEquals(Math.sqrt(squares), epoch.gradientNorm(), 1e-4 * Math.sqrt(squares), "the global norm");
    }

    @Test
    void aReluLayerForcedDeadReportsAllItsUnitsDeadAndAHealthyOneFew() {
        MultiLayerNetwork dead = mlp(Activation.RELU, WeightInit.RELU, 2);
        // A bias far below anything the standardised inputs can reach: every unit of layer 0 outputs 0 on every
        // row, so no gradient reaches its params and training cannot revive it.
        dead.getLayer(0).getParam("b").assign(-100);
        List<EpochStats> deadEpochs = train(dead, 2, true).epochs();
        MultiLayerNetwork healthy = mlp(Activation.RELU, WeightInit.RELU, 2);
        List<EpochStats> healthyEpochs = train(healthy, 2, true).epochs();
        for (int e = 0; e < 2; e++) {
            Map<String, Double> d = deadEpochs.get(e).diagnostics();
            assertEquals(1.0, d.get(LayerDiagnostics.DEAD_UNITS + 0), "epoch " + (e + 1) + ": " + d);
            assertEquals(0.0, d.get(LayerDiagnostics.GRADIENT_NORM + 0), "a dead layer gets no gradient: " + d);
            Map<String, Double> h = healthyEpochs.get(e).diagnostics();
            assertTrue(h.get(LayerDiagnostics.DEAD_UNITS + 0) < 0.5, "epoch " + (e + 1) + ": " + h);
            assertTrue(h.get(LayerDiagnostics.DEAD_UNITS + 1) < 0.5, "epoch " + (e + 1) + ": " + h);
            assertTrue(!h.containsKey(LayerDiagnostics.DEAD_UNITS + 2), "the softmax output layer is no ReLU: " + h);
        }
    }

    @Test
    void offByDefaultTheHistoryHasNoDiagnostics() {
        TrainingHistory history = train(mlp(Activation.RELU, WeightInit.RELU, 1), 2, false);
        assertEquals(2, history.numEpochs());
        history.epochs().forEach(e -> {
            assertEquals(null, e.diagnostics(), "no diagnostics when off");
            assertEquals(null, e.gradientNorm(), "no gradients tracked when off");
        });
    }

    @Test
    void aResidualClassifierNamesItsLayersByVertexAndSavesThem(@TempDir Path dir) throws IOException {
        DeepClassificationModel model = new DeepClassifier().setResidual(true).setHiddenLayers(new int[] {8, 8})
                .setActivation("relu").setNumWorkers(1).setMaxEpochs(2).setSeed(3).setGradientDiagnostics(true)
                .fit(DataSamples.iris(SparkSessionExtension.session()));
        TrainingHistory history = model.trainingHistory();
        for (EpochStats e : history.epochs()) {
            Map<String, Double> d = e.diagnostics();
            assertEquals(List.of("deadUnits.hidden0_0", "deadUnits.hidden1_0", "gradientNorm.hidden0_0",
                    "gradientNorm.projection0", "gradientNorm.hidden1_0", "gradientNorm.output"),
                    List.copyOf(d.keySet()), "layers in order, named by vertex; the identity projection is no ReLU");
            // Every param belongs to exactly one layer: the layers' squared norms add up to the global one.
            double squares = d.entrySet().stream().filter(x -> x.getKey().startsWith(LayerDiagnostics.GRADIENT_NORM))
                    .mapToDouble(x -> x.getValue() * x.getValue()).sum();
            assertEquals(e.gradientNorm(), Math.sqrt(squares), 1e-4 * e.gradientNorm(), "epoch " + e.epoch());
        }
        String path = dir.resolve("model").toString();
        model.write().save(path);
        assertEquals(history, DeepClassificationModel.load(path).trainingHistory(), "saved with the diagnostics");
        assertTrue(Files.readString(dir.resolve("model/data/history.json")).contains("\"gradientNorm.output\""));
    }
}
