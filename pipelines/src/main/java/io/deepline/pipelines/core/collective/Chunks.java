package io.deepline.pipelines.core.collective;

/**
 * How an array of {@code length} floats is cut into {@code parts} contiguous chunks, chunk {@code i} owned (summed
 * and averaged) by rank {@code i}: the first {@code length % parts} chunks hold one float more than the rest, so every
 * owner does nearly the same share of the work and no chunk is split across owners.
 */
final class Chunks {
    private Chunks() {
    }

    /** Index in the array of chunk {@code i}'s first float. */
    static int start(int length, int parts, int i) {
        return i * (length / parts) + Math.min(i, length % parts);
    }

    /** Number of floats in chunk {@code i}; 0 when the array has fewer floats than there are ranks. */
    static int size(int length, int parts, int i) {
        return length / parts + (i < length % parts ? 1 : 0);
    }
}
