package io.deepline.pipelines.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.io.Json;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The bytes of a {@link TrainingCheckpoint} file (format 1):
 * <pre>
 * "DLCKPT" · int format · block(header JSON) · block(configuration JSON) · floats(params) · floats(optimizer state)
 *   [· floats(best params) · floats(best optimizer state)] · long CRC-32 of everything before it
 * header: {fingerprint, epochs: [EpochStats...], state: {iteration, epoch}, best: {iteration, epoch} | absent,
 *   startLoss | absent (written by later versions; readers ignore what they do not know)}
 * </pre>
 * Floats are stored as raw IEEE bits, so a checkpoint restores params and optimizer state bit for bit (JSON text
 * would be larger and slower for networks of millions of params). The trailing CRC makes a truncated or damaged
 * file an error instead of a silently different network.
 */
final class CheckpointCodec {
    static final int FORMAT = 1;
    private static final byte[] MAGIC = "DLCKPT".getBytes(StandardCharsets.US_ASCII);

    private CheckpointCodec() {
    }

    /** Writes {@code checkpoint} to {@code target}, streaming (no second copy of the arrays in memory). */
    static void encode(TrainingCheckpoint checkpoint, OutputStream target) throws IOException {
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("fingerprint", checkpoint.fingerprint());
        header.set("epochs", Json.MAPPER.valueToTree(checkpoint.epochs()));
        header.set("state", counters(checkpoint.state()));
        if (checkpoint.best() != null) {
            header.set("best", counters(checkpoint.best()));
        }
        if (Double.isFinite(checkpoint.startLoss())) {
            header.put("startLoss", checkpoint.startLoss());
        }
        CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(target, 1 << 16),
                new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        out.write(MAGIC);
        out.writeInt(FORMAT);
        block(out, Json.MAPPER.writeValueAsBytes(header));
        block(out, checkpoint.state().configurationJson().getBytes(StandardCharsets.UTF_8));
        floats(out, checkpoint.state().params());
        floats(out, checkpoint.state().updaterState());
        if (checkpoint.best() != null) {
            floats(out, checkpoint.best().params());
            floats(out, checkpoint.best().updaterState());
        }
        out.writeLong(checked.getChecksum().getValue());
        out.flush();
    }

    /**
     * @throws IOException for a file that is not a complete checkpoint of a known format (the caller names the path)
     */
    static TrainingCheckpoint decode(byte[] file) throws IOException {
        if (file.length < MAGIC.length + 4 + 8) {
            throw new IOException("the file has only " + file.length + " bytes");
        }
        if (!Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new IOException("it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
        }
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 8);
        long stored = ByteBuffer.wrap(file, file.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new IOException("its checksum does not match (truncated or damaged)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, 0, file.length - 8));
        in.skipNBytes(MAGIC.length);
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("it has checkpoint format " + format + ", this version reads format " + FORMAT);
        }
        JsonNode header = Json.MAPPER.readTree(block(in));
        String configuration = new String(block(in), StandardCharsets.UTF_8);
        NetworkSnapshot state = snapshot(configuration, header.get("state"), in);
        NetworkSnapshot best = header.hasNonNull("best") ? snapshot(configuration, header.get("best"), in) : null;
        if (in.available() != 0) {
            throw new IOException(in.available() + " unexpected bytes after the arrays");
        }
        List<EpochStats> epochs = Arrays.asList(Json.MAPPER.treeToValue(header.get("epochs"), EpochStats[].class));
        try {
            double startLoss = header.hasNonNull("startLoss") ? header.get("startLoss").asDouble() : Double.NaN;
            return new TrainingCheckpoint(header.get("fingerprint").asText(), state, best, epochs, startLoss);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static ObjectNode counters(NetworkSnapshot s) {
        return Json.MAPPER.createObjectNode().put("iteration", s.iteration()).put("epoch", s.epoch());
    }

    private static NetworkSnapshot snapshot(String configuration, JsonNode counters, DataInputStream in)
            throws IOException {
        if (counters == null || !counters.has("iteration") || !counters.has("epoch")) {
            throw new IOException("the header lacks a network's iteration and epoch counters");
        }
        float[] params = floats(in);
        float[] updaterState = floats(in);
        return new NetworkSnapshot(configuration, params, updaterState, counters.get("iteration").asInt(),
                counters.get("epoch").asInt());
    }

    private static void block(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] block(DataInputStream in) throws IOException {
        return in.readNBytes(length(in, 1));
    }

    private static void floats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        buffer.asFloatBuffer().put(values);
        out.writeInt(values.length);
        out.write(buffer.array());
    }

    private static float[] floats(DataInputStream in) throws IOException {
        int n = length(in, 4);
        float[] values = new float[n];
        ByteBuffer.wrap(in.readNBytes(4 * n)).asFloatBuffer().get(values);
        return values;
    }

    /** A length prefix, checked against the bytes left, so a damaged length cannot allocate gigabytes. */
    private static int length(DataInputStream in, int bytesPerItem) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesPerItem > in.available()) {
            throw new IOException("a length prefix of " + n + " exceeds the " + in.available() + " bytes left");
        }
        return n;
    }
}
