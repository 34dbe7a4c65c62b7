package io.jclas.util;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Finds the known name closest to a mistyped one, for "did you mean" hints. */
public final class Suggest {
    private Suggest() {}

    /** The candidate with the smallest case-insensitive edit distance to {@code name}, or null if none. */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String n = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(n, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** The {@code n} candidates nearest to {@code name}, nearest first (ties in alphabetical order). */
    public static List<String> closest(String name, Collection<String> candidates, int n) {
        String q = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .sorted(Comparator.comparingInt((String c) -> distance(q, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(c -> c))
                .limit(n)
                .collect(Collectors.toList());
    }

    /** "did you mean X?" or a list of the known names when nothing is close. */
    public static String hint(String name, Collection<String> candidates) {
        return hint(name, candidates, "");
    }

    /** As {@link #hint(String, Collection)}, naming the suggestion with a prefix such as "Global.". */
    public static String hint(String name, Collection<String> candidates, String prefix) {
        String c = closest(name, candidates);
        if (c == null) {
            return "no keys are allowed here";
        }
        String n = name.toLowerCase(Locale.ROOT);
        String lc = c.toLowerCase(Locale.ROOT);
        if (distance(n, lc) <= Math.max(2, c.length() / 3) || lc.startsWith(n) || n.startsWith(lc)) {
            return "did you mean " + prefix + c + "?";
        }
        return "closest known key: " + prefix + c + "; known: " + String.join(", ", candidates);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
