package io.deepline.pipelines.core.data;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a network's input looks unscaled, from the statistics the data check computed anyway (no extra
 * pass): a root mean square over all feature entries above {@value #MAX_RMS}. Standardized features have an RMS
 * of about 1 and [0, 1] pixels below 1, while raw pixels (0..255) have one near 100 and raw measurements often
 * tens: a network then starts with saturated units and huge first losses and ends less accurate (an MNIST
 * classifier without {@code divideBy}: 0.885 accuracy after 3 epochs; with it, 0.978). The RMS rather than the
 * maximum, so that a few standardized outliers (z of 12) do not trigger it.
 *
 * <p>One WARN line per features column per JVM: {@code tune} fits the same input dozens of times.
 */
public final class InputScaleHint {
    private static final Logger LOG = LoggerFactory.getLogger(InputScaleHint.class);

    /** Above this RMS the input is called unscaled. */
    static final double MAX_RMS = 5;

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private InputScaleHint() {
    }

    /** The warning for this profile, or empty when the input looks scaled. */
    public static Optional<String> message(LabeledDataProfile profile, String featuresCol, String stageName) {
        double rms = profile.featureRms();
        if (!(rms > MAX_RMS)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: the features column '%s' looks unscaled (values up to"
                + " %.4g, root mean square %.3g; a network learns best from inputs of order 1). In a job file add"
                + " preprocess: {standardize: true}, or preprocess: {divideBy: %s} for pixel-like values; in a Spark"
                + " pipeline put a StandardScaler before this stage", stageName, featuresCol, profile.maxAbsFeature(),
                rms, profile.maxAbsFeature() <= 255 && profile.maxAbsFeature() > 100 ? "255" : "<the largest value>"));
    }

    /** Logs {@link #message} once per features column. */
    public static void warnIfUnscaled(LabeledDataProfile profile, String featuresCol, String stageName) {
        message(profile, featuresCol, stageName).ifPresent(m -> {
            if (WARNED.add(featuresCol)) {
                LOG.warn(m);
            }
        });
    }
}
