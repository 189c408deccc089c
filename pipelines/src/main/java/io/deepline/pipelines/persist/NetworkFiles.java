package io.deepline.pipelines.persist;

import io.deepline.models.state.NetworkSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
        MultiLayerNetwork net = snapshot.toNetwork();
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
            return NetworkSnapshot.of(ModelSerializer.restoreMultiLayerNetwork(in, true));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the network at " + path + " (corrupt or not a DL4J model zip): "
                    + e.getMessage() + "; save the model again", e);
        }
    }
}
