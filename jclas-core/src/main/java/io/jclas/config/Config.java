package io.jclas.config;

import io.jclas.JclasException;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A PaddleClas-shaped YAML configuration (sections Global, Arch, Loss, Optimizer, DataLoader, Metric,
 * Infer, ...) addressed by dotted keys such as {@code DataLoader.Train.sampler.batch_size}. A numeric
 * segment indexes a list ({@code DataLoader.Train.dataset.transform_ops.0}).
 *
 * <p>A section returned by {@link #section} is a live view: setting a key in it changes this config.
 * YAML is always loaded with SnakeYAML's safe constructor (plain maps, lists and scalars only).
 */
public final class Config {
    private final Map<String, Object> root;
    private final String prefix;

    private Config(Map<String, Object> root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** An empty config. */
    public static Config empty() {
        return new Config(new LinkedHashMap<>(), "");
    }

    /** Wraps a map (used as is, not copied). */
    public static Config of(Map<String, Object> map) {
        return new Config(map, "");
    }

    /** Loads a YAML file and applies {@code -o Section.key=value} overrides in order. */
    public static Config load(Path yaml, List<String> overrides) {
        if (!Files.isRegularFile(yaml)) {
            throw new JclasException("config file not found: " + yaml, "pass an existing YAML file with -c");
        }
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JclasException("cannot read config " + yaml + ": " + e.getMessage(), "check the file's permissions", e);
        }
        Config c = parse(text, yaml.toString());
        if (overrides != null) {
            for (String o : overrides) {
                c.override(o);
            }
        }
        return c;
    }

    /** Parses YAML text. */
    public static Config fromYaml(String yaml) {
        return parse(yaml, "YAML text");
    }

    private static Config parse(String text, String origin) {
        Object doc;
        try {
            doc = newYaml().load(text);
        } catch (YAMLException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new JclasException("invalid YAML in " + origin + ": " + first, "fix the YAML syntax", e);
        }
        if (doc == null) {
            return empty();
        }
        if (!(doc instanceof Map)) {
            throw new JclasException(origin + " is not a YAML mapping of sections",
                    "start the file with sections such as 'Global:' and 'Arch:'");
        }
        return new Config(castMap(doc), "");
    }

    static Yaml newYaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setIndent(2);
        dump.setIndicatorIndent(0);
        dump.setSplitLines(false);
        return new Yaml(new SafeConstructor(loader), new Representer(dump), dump, loader);
    }

    /**
     * Applies one override {@code Section.key=value}; the value is typed by YAML scalar rules ({@code 5} is
     * an int, {@code 0.1} a double, {@code true} a boolean, {@code [1,5]} a list, {@code null} null).
     */
    public Config override(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new JclasException("override '" + assignment + "' is not of the form Section.key=value",
                    "write e.g. -o Global.epochs=10");
        }
        String key = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        Object value;
        try {
            value = raw.isEmpty() ? "" : newYaml().load(raw);
        } catch (YAMLException e) {
            throw new JclasException("override value of " + key + " is not valid YAML: " + raw,
                    "quote strings with special characters, write lists as [1,5]", e);
        }
        set(key, value);
        return this;
    }

    private String full(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private static String[] split(String dottedKey) {
        if (dottedKey == null || dottedKey.isEmpty() || dottedKey.startsWith(".") || dottedKey.endsWith(".")
                || dottedKey.contains("..")) {
            throw new JclasException("invalid config key '" + dottedKey + "'", "use dotted keys like Global.epochs");
        }
        return dottedKey.split("\\.");
    }

    private Object base() {
        return prefix.isEmpty() ? root : lookup(root, split(prefix));
    }

    private static Object lookup(Object node, String[] parts) {
        Object cur = node;
        for (String p : parts) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(p);
            } else if (cur instanceof List<?> l && isIndex(p)) {
                int i = Integer.parseInt(p);
                cur = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 9;
    }

    /** The raw value at a key, or null. */
    public Object get(String dottedKey) {
        return lookup(base(), split(dottedKey));
    }

    /** Whether the key is present with a non-null value. */
    public boolean has(String dottedKey) {
        return get(dottedKey) != null;
    }

    private Object require(String key, String expected) {
        Object v = get(key);
        if (v == null) {
            throw new JclasException("missing config key " + full(key), "set it to " + expected
                    + " in the YAML or with -o " + full(key) + "=...");
        }
        return v;
    }

    private JclasException wrongType(String key, Object v, String expected) {
        return new JclasException("config key " + full(key) + " is " + describe(v) + ", expected " + expected,
                "set it to " + expected + ", e.g. -o " + full(key) + "=" + example(expected));
    }

    private static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return "'" + v + "'";
    }

    private static String example(String expected) {
        switch (expected) {
            case "an integer": return "10";
            case "a number": return "0.1";
            case "true or false": return "true";
            case "a list": return "[1,5]";
            default: return "value";
        }
    }

    /** A string value; numbers and booleans are accepted and printed as YAML would. */
    public String getString(String key) {
        Object v = require(key, "a string");
        return asString(key, v);
    }

    public String getString(String key, String def) {
        Object v = get(key);
        return v == null ? def : asString(key, v);
    }

    private String asString(String key, Object v) {
        if (v instanceof Map || v instanceof List) {
            throw wrongType(key, v, "a string");
        }
        return String.valueOf(v);
    }

    public int getInt(String key) {
        return asInt(key, require(key, "an integer"));
    }

    public int getInt(String key, int def) {
        Object v = get(key);
        return v == null ? def : asInt(key, v);
    }

    private int asInt(String key, Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw wrongType(key, v, "an integer");
    }

    public long getLong(String key, long def) {
        Object v = get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return ((Number) v).longValue();
        }
        throw wrongType(key, v, "an integer");
    }

    public double getDouble(String key) {
        return asDouble(key, require(key, "a number"));
    }

    public double getDouble(String key, double def) {
        Object v = get(key);
        return v == null ? def : asDouble(key, v);
    }

    private double asDouble(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        // YAML 1.1 reads "1e-4" (no dot) as a string; PaddleClas configs write it so.
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException ignored) {
                // falls through to the typed error
            }
        }
        throw wrongType(key, v, "a number");
    }

    public boolean getBool(String key) {
        return asBool(key, require(key, "true or false"));
    }

    public boolean getBool(String key, boolean def) {
        Object v = get(key);
        return v == null ? def : asBool(key, v);
    }

    private boolean asBool(String key, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, v, "true or false");
    }

    /** A list value (live); a missing key gives an empty list. */
    @SuppressWarnings("unchecked")
    public List<Object> getList(String key) {
        Object v = get(key);
        if (v == null) {
            return new ArrayList<>();
        }
        if (!(v instanceof List)) {
            throw wrongType(key, v, "a list");
        }
        return (List<Object>) v;
    }

    /** A list of numbers as ints, e.g. {@code Global.image_shape}; a missing key gives null. */
    public int[] getIntArray(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        List<Object> l = getList(key);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asInt(key + "." + i, l.get(i));
        }
        return out;
    }

    /** A list of numbers as doubles; a missing key gives null. */
    public double[] getDoubleArray(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        List<Object> l = getList(key);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asDouble(key + "." + i, l.get(i));
        }
        return out;
    }

    /** A mapping value (live); a missing key gives an empty map. */
    public Map<String, Object> getMap(String key) {
        Object v = get(key);
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (!(v instanceof Map)) {
            throw wrongType(key, v, "a mapping");
        }
        return castMap(v);
    }

    /** A live view of the sub-mapping at {@code key}; created empty if absent. */
    public Config section(String key) {
        Object v = get(key);
        if (v == null) {
            set(key, new LinkedHashMap<String, Object>());
        } else if (!(v instanceof Map)) {
            throw wrongType(key, v, "a mapping");
        }
        return new Config(root, full(key));
    }

    /** The dotted key of this view inside its root config ("" for the root). */
    public String path() {
        return prefix;
    }

    /** Sets a value, creating intermediate mappings; a numeric segment indexes an existing list. */
    public Config set(String dottedKey, Object value) {
        String[] parts = split(full(dottedKey));
        Object cur = root;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (cur instanceof Map) {
                Map<String, Object> m = castMap(cur);
                if (last) {
                    m.put(p, value);
                    return this;
                }
                Object next = m.get(p);
                if (!(next instanceof Map) && !(next instanceof List)) {
                    next = new LinkedHashMap<String, Object>();
                    m.put(p, next);
                }
                cur = next;
            } else if (cur instanceof List && isIndex(p)) {
                @SuppressWarnings("unchecked")
                List<Object> l = (List<Object>) cur;
                int idx = Integer.parseInt(p);
                if (idx >= l.size()) {
                    throw new JclasException("config key " + String.join(".", parts) + ": index " + idx
                            + " is past the end of a list of " + l.size(), "use an index below " + l.size());
                }
                if (last) {
                    l.set(idx, value);
                    return this;
                }
                cur = l.get(idx);
            } else {
                throw new JclasException("config key " + String.join(".", parts) + " goes through a "
                        + (cur instanceof List ? "list" : "value") + " at '" + p + "'",
                        cur instanceof List ? "index lists with a number, e.g. transform_ops.0" : "check the key");
            }
        }
        return this;
    }

    /** Removes a key if present. */
    public Config remove(String dottedKey) {
        String[] parts = split(full(dottedKey));
        Object parent = parts.length == 1 ? root : lookup(root, java.util.Arrays.copyOf(parts, parts.length - 1));
        if (parent instanceof Map<?, ?> m) {
            m.remove(parts[parts.length - 1]);
        }
        return this;
    }

    /** The mapping of this config or view (live). */
    public Map<String, Object> asMap() {
        Object b = base();
        return b instanceof Map ? castMap(b) : new LinkedHashMap<>();
    }

    /** A deep copy, detached from this config. */
    public Config copy() {
        return new Config(castMap(deepCopy(asMap())), "");
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(deepCopy(x)));
            return out;
        }
        return v;
    }

    /** This config (or view) as block-style YAML. */
    public String toYaml() {
        return newYaml().dump(asMap());
    }

    /** Writes {@link #toYaml()} atomically. */
    public void save(Path file) {
        AtomicFiles.writeString(file, toYaml());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
