package io.jclas.layers;

/** Channel-width rounding shared by the mobile families. */
public final class Widths {
    private Widths() {}

    /**
     * PaddleClas's {@code _make_divisible(v, divisor)} (MobileNetV3 with 8, GhostNet with 4): the
     * nearest multiple of {@code divisor}, at least {@code divisor}, bumped up one step when rounding
     * down would lose more than 10% of {@code v}.
     */
    public static int makeDivisible(double v, int divisor) {
        int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * v ? rounded + divisor : rounded;
    }
}
