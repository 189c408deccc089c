package io.deepline.pipelines.core.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * SHA-256 over what of an estimator's Params decides its trained result: the stage's class and every Param
 * ({@code name=value}, sorted by name, values as Spark's {@code jsonEncode} writes them to metadata; "unset" for a
 * Param with no value), plus the resolved number of workers. A checkpoint records it, so a fit resumes only from a
 * checkpoint that the same training would have written.
 *
 * <p>Left out, because they do not change what the epochs so far computed:
 * <ul>
 *   <li>{@code checkpointDir}, {@code checkpointInterval}, {@code checkpointMode}: where and how often, not what;
 *   <li>{@code maxEpochs}: epoch k is the same whatever the last epoch will be (schedules read the epoch, not the
 *       total), so a finished fit can be resumed with a larger maxEpochs to train on;
 *   <li>{@code divergenceFactor}: it decides whether the fit fails, never what an epoch computes, so a fit the
 *       guard stopped can be resumed with the guard raised or off (and checkpoints of versions without that Param
 *       stay resumable);
 *   <li>{@code syncMode}, {@code maxEpochRetries}: both sync modes compute the same params bit for bit, so a
 *       checkpoint written in one resumes in the other;
 *   <li>{@code gradientNormStop}: like the divergence guard, it decides when the fit ends, never what an epoch
 *       computes (the workers' gradient sums do not touch the params);
 *   <li>{@code gradientDiagnostics}: it only records what an epoch computed.
 * </ul>
 * Everything else is included, even Params that only seem to matter at transform time: {@code inferenceBatchSize}
 * sizes the validation batches (whose loss sums drive early stopping), and an output column's name costs at worst a
 * refused resume, never a silently different model. The uid is not a Param and is left out (each new stage has
 * another).
 */
public final class ParamsDigest {
    static final Set<String> EXCLUDED = Set.of("checkpointDir", "checkpointInterval", "checkpointMode", "maxEpochs",
            "divergenceFactor", "syncMode", "maxEpochRetries", "gradientNormStop",
            "gradientDiagnostics");

    private ParamsDigest() {
    }

    /** The hex SHA-256 of {@code stage}'s training-relevant Params and {@code numWorkers}. */
    public static String of(Params stage, int numWorkers) {
        TreeMap<String, String> values = new TreeMap<>();
        for (Param<?> p : stage.params()) {
            if (!EXCLUDED.contains(p.name())) {
                values.put(p.name(), encode(stage, p));
            }
        }
        values.put("(resolved numWorkers)", Integer.toString(numWorkers));
        StringBuilder text = new StringBuilder(stage.getClass().getName()).append('\n');
        values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static String encode(Params stage, Param<?> p) {
        if (!stage.isDefined(p)) {
            return "unset";
        }
        Param<Object> param = (Param<Object>) p;
        return param.jsonEncode(stage.getOrDefault(param));
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }
}
