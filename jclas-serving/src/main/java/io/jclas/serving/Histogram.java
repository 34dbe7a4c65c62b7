package io.jclas.serving;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A lock-free Prometheus histogram: fixed upper bounds, cumulative buckets when rendered. */
final class Histogram {
    private final double[] bounds;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    Histogram(double... bounds) {
        this.bounds = bounds.clone();
        this.counts = new LongAdder[bounds.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void observe(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                counts[i].increment();
                break;
            }
        }
        sum.add(value);
        count.increment();
    }

    long count() {
        return count.sum();
    }

    /** Appends the _bucket, _sum and _count lines; {@code labels} is empty or like {@code endpoint="/predict",}. */
    void render(StringBuilder out, String name, String labels) {
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += counts[i].sum();
            out.append(name).append("_bucket{").append(labels).append("le=\"").append(format(bounds[i]))
                    .append("\"} ").append(cumulative).append('\n');
        }
        String plain = labels.isEmpty() ? "" : "{" + labels.substring(0, labels.length() - 1) + "}";
        out.append(name).append("_bucket{").append(labels).append("le=\"+Inf\"} ").append(count.sum()).append('\n');
        out.append(name).append("_sum").append(plain).append(' ').append(format(sum.sum())).append('\n');
        out.append(name).append("_count").append(plain).append(' ').append(count.sum()).append('\n');
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
