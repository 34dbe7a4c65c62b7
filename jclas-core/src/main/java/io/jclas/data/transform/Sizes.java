package io.jclas.data.transform;

/** Reads PaddleClas size settings: an int (square) or a list [w, h]. */
final class Sizes {
    private Sizes() {}

    /** {w, h}, or null when the setting is absent. */
    static int[] wh(OpParams p, String key) {
        double[] v = p.getDoubles(key);
        if (v == null) {
            return null;
        }
        if (v.length == 1) {
            return positive(p, key, new int[] {(int) v[0], (int) v[0]});
        }
        if (v.length == 2) {
            return positive(p, key, new int[] {(int) v[0], (int) v[1]});
        }
        throw p.bad(key, "an integer or a list [w, h]", p.get(key));
    }

    private static int[] positive(OpParams p, String key, int[] wh) {
        if (wh[0] <= 0 || wh[1] <= 0) {
            throw p.bad(key, "positive sizes", p.get(key));
        }
        return wh;
    }

    /** Checks the interpolation setting: jclas resizes bilinearly (cv2 INTER_LINEAR) only. */
    static void bilinearOnly(OpParams p) {
        Object interp = p.get("interpolation");
        if (interp != null && !(interp instanceof Integer i && i == 1)
                && !String.valueOf(interp).equalsIgnoreCase("bilinear")) {
            throw p.bad("interpolation", "bilinear (the only interpolation jclas implements)", interp);
        }
        p.get("backend");
    }
}
