package io.deepline.models.spec;

/**
 * Normalization of hidden pre-activations (course §4.5.4): none, BatchNorm (per feature over the mini-batch,
 * before or after the activation) or LayerNorm (per row over the features, before the activation).
 */
public enum Normalization {
    NONE,
    /** BatchNorm on the pre-activations, then the activation. */
    BATCH_BEFORE_ACTIVATION,
    /** The activation, then BatchNorm (the course notes this can work slightly better for ReLU). */
    BATCH_AFTER_ACTIVATION,
    /** LayerNorm on the pre-activations, then the activation. */
    LAYER;

    /** From the user-facing pair (normalization = none|batch|layer, batchNormPosition = before|after). */
    public static Normalization of(String kind, String batchNormPosition) {
        String k = kind == null ? "" : kind.trim().toLowerCase(java.util.Locale.ROOT);
        String position = batchNormPosition == null ? "before" : batchNormPosition.trim().toLowerCase(java.util.Locale.ROOT);
        if (!position.equals("before") && !position.equals("after")) {
            throw new IllegalArgumentException("batchNormPosition '" + batchNormPosition + "' must be before or after");
        }
        return switch (k) {
            case "none" -> NONE;
            case "batch" -> position.equals("after") ? BATCH_AFTER_ACTIVATION : BATCH_BEFORE_ACTIVATION;
            case "layer" -> LAYER;
            default -> throw new IllegalArgumentException("normalization '" + kind
                    + "' is not supported; use none, batch or layer");
        };
    }
}
