package io.jclas.data;

import java.util.SplittableRandom;

/**
 * Random streams keyed by (seed, epoch, index, purpose), so that what a sample or a batch gets does not
 * depend on which worker thread handles it or in which order.
 */
public final class Seeds {
    /** Purposes, so that e.g. sample 3 and batch 3 of an epoch draw from different streams. */
    public static final long SAMPLE = 1;
    public static final long BATCH = 2;
    public static final long ORDER = 3;

    private Seeds() {}

    public static SplittableRandom of(long seed, long epoch, long index, long purpose) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ (epoch * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
        h = mix(h ^ (index * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL));
        h = mix(h ^ purpose);
        return new SplittableRandom(h);
    }

    /** Murmur3's 64-bit finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
