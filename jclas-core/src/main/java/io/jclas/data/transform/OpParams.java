package io.jclas.data.transform;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.util.Suggest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one op from a {@code transform_ops} entry. Ops read every setting they know (with
 * defaults) in their constructor; {@link #finish()} then rejects any key no op read, naming the closest
 * known one.
 */
public final class OpParams {
    private final String op;
    private final Config values;
    private final Set<String> known = new LinkedHashSet<>();

    public OpParams(String op, Map<String, Object> values) {
        this.op = op;
        this.values = Config.of(values == null ? new LinkedHashMap<>() : values);
    }

    /** The PaddleClas name of the op. */
    public String op() {
        return op;
    }

    private String read(String key) {
        known.add(key);
        return key;
    }

    public boolean has(String key) {
        return values.has(read(key));
    }

    public int getInt(String key, int def) {
        return values.getInt(read(key), def);
    }

    public double getDouble(String key, double def) {
        Object v = values.get(read(key));
        return v instanceof String s ? expression(key, s) : values.getDouble(key, def);
    }

    public boolean getBool(String key, boolean def) {
        return values.getBool(read(key), def);
    }

    public String getString(String key, String def) {
        return values.getString(read(key), def);
    }

    public Object get(String key) {
        return values.get(read(key));
    }

    /** Numbers of a list setting (each may be an expression such as 1.0/255.0); null when absent. */
    public double[] getDoubles(String key) {
        Object v = values.get(read(key));
        if (v == null) {
            return null;
        }
        if (!(v instanceof java.util.List<?> l)) {
            return new double[] {number(key, v)};
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(key, l.get(i));
        }
        return out;
    }

    private double number(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            return expression(key, s);
        }
        throw bad(key, "a number", v);
    }

    /**
     * PaddleClas writes {@code scale: 1.0/255.0} and evaluates it in Python; jclas accepts a number or
     * a quotient of two numbers.
     */
    private double expression(String key, String s) {
        try {
            int slash = s.indexOf('/');
            if (slash < 0) {
                return Double.parseDouble(s.trim());
            }
            return Double.parseDouble(s.substring(0, slash).trim()) / Double.parseDouble(s.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw bad(key, "a number or a quotient like 1.0/255.0", s);
        }
    }

    /** An error about one setting of this op. */
    public JclasException bad(String key, String expected, Object got) {
        return new JclasException(op + "." + key + " is '" + got + "', expected " + expected,
                "fix " + key + " under " + op + " in transform_ops");
    }

    /** Rejects settings that the op did not read. */
    public void finish() {
        for (String k : values.asMap().keySet()) {
            if (!known.contains(k)) {
                throw new JclasException("unknown setting '" + k + "' of " + op,
                        known.isEmpty() ? op + " takes no settings" : Suggest.hint(k, known));
            }
        }
    }
}
