package io.jclas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which jclas package uses which, read from Java sources: imports and fully qualified names in code
 * (comments and string literals are skipped). A package is counted with its parent directly under
 * {@code io.jclas}: {@code io.jclas.data.transform} is part of {@code io.jclas.data}.
 */
final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** {@code io.jclas.a.b.Type} or {@code io.jclas.a.*}: the lower-case segments are the package. */
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.jclas((?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)");

    /** from → to → the first file where {@code from} uses {@code to}. */
    private final Map<String, Map<String, String>> edges = new TreeMap<>();

    static PackageGraph scan(List<Path> sourceRoots) {
        PackageGraph g = new PackageGraph();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> g.add(root.relativize(f), read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return g;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit a package belongs to: {@code io.jclas} or {@code io.jclas.<first segment>}. */
    static String unit(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length <= 2 ? pkg : parts[0] + "." + parts[1] + "." + parts[2];
    }

    private void add(Path file, String source) {
        Matcher p = PACKAGE.matcher(source);
        if (!p.find()) {
            return;
        }
        String from = unit(p.group(1));
        edges.computeIfAbsent(from, k -> new TreeMap<>());
        Matcher r = REFERENCE.matcher(codeOnly(source));
        while (r.find()) {
            String to = unit("io.jclas" + r.group(1));
            if (!to.equals(from)) {
                edges.get(from).putIfAbsent(to, file.toString());
            }
        }
    }

    /** The source with comments and string and char literals blanked out. */
    static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    int edgeCount() {
        return edges.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * One shortest cycle through each package that lies on a cycle, written
     * {@code a → b (b/B.java) → a (a/A.java)}: the file after each arrow is where the package before
     * it uses the one after it.
     */
    List<String> cycles() {
        TreeSet<String> seen = new TreeSet<>();
        List<String> out = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (seen.contains(start)) {
                continue;
            }
            List<String> cycle = shortestCycle(start);
            if (cycle != null) {
                seen.addAll(cycle);
                StringBuilder text = new StringBuilder(start);
                for (int i = 1; i < cycle.size(); i++) {
                    text.append(" → ").append(cycle.get(i))
                            .append(" (").append(edges.get(cycle.get(i - 1)).get(cycle.get(i))).append(')');
                }
                out.add(text.toString());
            }
        }
        return out;
    }

    /** Breadth-first from {@code start} back to itself: the packages of the path, start at both ends; null if none. */
    private List<String> shortestCycle(String start) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String p = at; !p.equals(start); p = parent.get(p)) {
                        path.add(1, p);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(next)) {
                    parent.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        return null;
    }
}
