package io.deepline.models.layers;

/**
 * Where an {@link AttentiveGruDecoder} gets its context vector c_{t'} at each decoder step (course §8.2).
 * Both modes have the same parameters, so networks built with either are directly comparable.
 */
public enum DecoderContext {
    /** Eq. 36: c_{t'} = Σ_t α(q = s_{t'−1}, k_t = h_t) · h_t, with α the scaled dot-product softmax of eq. 32. */
    ATTENTION,
    /**
     * c_{t'} = h_T, the encoder's state at the sequence's last real step, at every decoder step: the fixed context
     * of the plain encoder-decoder whose bottleneck motivates attention (§8).
     */
    LAST
}
