package io.deepline.pipelines.core.data;

import java.util.Arrays;
import java.util.Random;

/** Seeded permutations, so every shuffle in training can be replayed exactly. */
public final class Shuffles {
    private Shuffles() {
    }

    /** A Fisher-Yates permutation of 0..n-1 determined by the seed parts. */
    public static int[] permutation(int n, long... seedParts) {
        Random random = new Random(mix(seedParts));
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** One well-mixed seed from several parts (splitmix64 steps), so nearby parts give unrelated streams. */
    public static long mix(long... seedParts) {
        long seed = 0x9E3779B97F4A7C15L;
        for (long part : seedParts) {
            seed = (seed ^ part) * 0xBF58476D1CE4E5B9L;
            seed ^= seed >>> 31;
        }
        return seed;
    }
}
