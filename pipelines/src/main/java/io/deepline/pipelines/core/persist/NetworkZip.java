package io.deepline.pipelines.core.persist;

import io.deepline.models.state.Network;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the zip DL4J's {@code ModelSerializer.writeModel} wrote, in one pass, decompressing at most a
 * {@link ModelSizeLimit}. It rebuilds the network as {@code ModelSerializer.restore*} does, from the entries it has
 * counted itself, instead of handing the file to DL4J: DL4J opens the zip by its central directory, which can
 * list entries this pass never saw, and deserializes a {@code preprocessor.bin} entry with Java serialization.
 * Only the entries Deepline writes are accepted.
 */
final class NetworkZip {
    private static final String CONFIGURATION = "configuration.json";
    private static final String PARAMS = "coefficients.bin";
    private static final String UPDATER_STATE = "updaterState.bin";
    private static final List<String> ENTRIES = List.of(CONFIGURATION, PARAMS, UPDATER_STATE);

    private String configurationJson;
    private INDArray params;
    private INDArray updaterState;

    private NetworkZip() {
    }

    /**
     * The network in {@code zip}; fails with {@code limit}'s message once the decompressed entries pass it, and with
     * an IOException when the zip is not one Deepline wrote.
     */
    static Model read(InputStream zip, ModelSizeLimit limit, String path) throws IOException {
        ZipInputStream entries = new ZipInputStream(zip);
        LimitedInput decompressed = new LimitedInput(entries, limit, path);
        NetworkZip parts = new NetworkZip();
        Set<String> seen = new HashSet<>();
        try {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                if (!ENTRIES.contains(e.getName()) || !seen.add(e.getName())) {
                    throw new IOException("unexpected entry '" + e.getName() + "' (Deepline writes each of "
                            + ENTRIES + " once)");
                }
                parts.readEntry(e.getName(), decompressed);
            }
        } catch (IOException | RuntimeException e) {
            if (decompressed.exceeded()) {
                throw limit.exceeded(path);
            }
            throw e;
        }
        return parts.network();
    }

    private void readEntry(String name, LimitedInput in) throws IOException {
        if (name.equals(CONFIGURATION)) {
            configurationJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } else if (name.equals(PARAMS)) {
            params = readArray(in);
        } else {
            updaterState = readArray(in);
        }
    }

    private static INDArray readArray(LimitedInput in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        DeclaredArraySize.check(buffered, in);
        return Nd4j.read(new DataInputStream(buffered));
    }

    private Model network() throws IOException {
        if (configurationJson == null || params == null) {
            throw new IOException("no " + (configurationJson == null ? CONFIGURATION : PARAMS) + " inside");
        }
        if (Network.isGraphJson(configurationJson)) {
            ComputationGraph graph = new ComputationGraph(ComputationGraphConfiguration.fromJson(configurationJson));
            graph.init(params, false);
            if (updaterState != null) {
                graph.getUpdater().setStateViewArray(updaterState);
            }
            return requireState(graph);
        }
        MultiLayerNetwork layers = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configurationJson));
        layers.init(params, false);
        if (updaterState != null) {
            layers.getUpdater().setStateViewArray(layers, updaterState, false);
        }
        return requireState(layers);
    }

    /**
     * Fails when the optimizer keeps state but the zip had none: the one-pass read ends quietly at the end of the
     * data, so a zip cut off after the params would otherwise load with a reset optimizer.
     */
    private Model requireState(Model model) throws IOException {
        INDArray state = Network.of(model).updaterState();
        if (updaterState == null && state != null && state.length() > 0) {
            throw new IOException("no " + UPDATER_STATE + " inside, but the network's optimizer keeps state"
                    + " (the file may be cut short)");
        }
        return model;
    }
}
