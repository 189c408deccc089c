package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Identifies one training run so that a checkpoint is resumed only by a fit that would have written it: SHA-256 of
 * the stage's {@link ParamsDigest}, the loop's settings (except maxEpochs, see there), the initial network
 * (configuration JSON, params, optimizer state, counters: a different architecture, input width or class count is
 * refused) and the mini-batches per worker (a changed data set or partitioning almost always changes them).
 */
final class TrainingFingerprint {
    private TrainingFingerprint() {
    }

    static String of(TrainingSettings settings, NetworkSnapshot initial, List<String> batchesPerWorker,
                     boolean validating) {
        MessageDigest sha = ParamsDigest.newDigest();
        text(sha, settings.checkpoint().paramsDigest());
        // The stage's own name, not the FitLabel a tuner put in front of it: which candidate number a fit has is no
        // part of what it computes.
        text(sha, FitLabel.undecorate(settings.stageName()) + '|' + settings.averagingFrequency() + '|' + settings.seed() + '|'
                + settings.validationMetric() + '|' + settings.earlyStoppingPatience() + '|'
                + settings.earlyStoppingMinDelta() + '|' + validating);
        text(sha, initial.configurationJson());
        floats(sha, initial.params());
        floats(sha, initial.updaterState());
        text(sha, initial.iteration() + "|" + initial.epoch());
        for (String worker : batchesPerWorker) {
            text(sha, worker);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void text(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so no two different sequences of fields hash the same bytes.
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static void floats(MessageDigest sha, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        buffer.asFloatBuffer().put(values);
        sha.update(ByteBuffer.allocate(4).putInt(values.length).array());
        sha.update(buffer.array());
    }
}
