package io.deepline.pipelines.core.persist;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.io.HadoopFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A network as DL4J's ModelSerializer zip (configuration JSON, params, optimizer state), on a Hadoop path.
 * The zip is DL4J's own format ({@code ModelSerializer.restoreMultiLayerNetwork} opens it); reading goes through
 * {@link NetworkZip}, which bounds what it decompresses.
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

    /**
     * The network saved at {@code path}, refused with {@code limit}'s message when the file or its decompressed
     * entries pass the limit, before they can fill the driver's memory.
     */
    public NetworkSnapshot read(String path, ModelSizeLimit limit) {
        if (!files.exists(path)) {
            throw new IllegalStateException("the model directory is incomplete: " + path + " is missing;"
                    + " save the model again (model.write().overwrite().save(dir))");
        }
        if (files.length(path) > limit.maxBytes()) {
            throw limit.exceeded(path);
        }
        try (InputStream in = files.open(path)) {
            return NetworkSnapshot.of(NetworkZip.read(new BufferedInputStream(in), limit, path));
        } catch (ModelSizeLimit.Exceeded e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the network at " + path
                    + " (corrupt or not a DL4J model zip): " + e.getMessage() + "; save the model again", e);
        }
    }
}
