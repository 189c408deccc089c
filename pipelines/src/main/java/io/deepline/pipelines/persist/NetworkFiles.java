package io.deepline.pipelines.persist;

import io.deepline.models.state.NetworkSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import io.deepline.models.state.Network;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A network as DL4J's ModelSerializer zip (configuration JSON, params, optimizer state), on a Hadoop path.
 * The zip is DL4J's own format, so {@code ModelSerializer.restoreMultiLayerNetwork} opens it directly.
 */
public final class NetworkFiles {
    private final HadoopFiles files;

    public NetworkFiles(HadoopFiles files) {
        this.files = files;
    }

    public void write(NetworkSnapshot snapshot, String path) {
        Model net = snapshot.restore().model();
        try (OutputStream out = files.create(path)) {
            ModelSerializer.writeModel(net, out, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the network to " + path + ": " + e.getMessage(), e);
        }
    }

    public NetworkSnapshot read(String path) {
        if (!files.exists(path)) {
            throw new IllegalStateException("the model directory is incomplete: " + path + " is missing;"
                    + " save the model again (model.write().overwrite().save(dir))");
        }
        try (InputStream in = files.open(path)) {
            byte[] zip = in.readAllBytes();
            return NetworkSnapshot.of(isGraph(zip)
                    ? ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip), true)
                    : ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), true));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the network at " + path + " (corrupt or not a DL4J model zip): "
                    + e.getMessage() + "; save the model again", e);
        }
    }

    /** Whether a DL4J model zip holds a ComputationGraph: its configuration.json has vertices. */
    private static boolean isGraph(byte[] zip) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                if (e.getName().equals("configuration.json")) {
                    return Network.isGraphJson(new String(entries.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        throw new IOException("no configuration.json inside; not a DL4J model zip");
    }
}
