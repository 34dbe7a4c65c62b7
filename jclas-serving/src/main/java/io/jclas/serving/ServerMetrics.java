package io.jclas.serving;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The service's counters, rendered in the Prometheus text format (version 0.0.4) by GET /metrics. */
final class ServerMetrics {
    /** Paths reported by name; anything else is "other" so that random URLs cannot grow the label set. */
    static final Set<String> ENDPOINTS = Set.of("/predict", "/predict/batch", "/models", "/health", "/metrics");

    private static final double[] LATENCY_BOUNDS_S =
            {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final double[] BATCH_BOUNDS = {1, 2, 4, 8, 16, 32, 64, 128};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Histogram batchSizes = new Histogram(BATCH_BOUNDS);
    private final LongAdder classifierFailures = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();

    static String endpointOf(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return ENDPOINTS.contains(p) ? p : "other";
    }

    AtomicInteger inFlight() {
        return inFlight;
    }

    /** One finished request. */
    void record(String path, int status, double seconds) {
        String endpoint = endpointOf(path);
        requests.computeIfAbsent(endpoint + '\u0000' + status, k -> new LongAdder()).increment();
        if (status >= 400) {
            errors.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
        }
        latency.computeIfAbsent(endpoint, k -> new Histogram(LATENCY_BOUNDS_S)).observe(seconds);
    }

    /** One call into the classifier with this many images. */
    void recordBatch(int size) {
        batchSizes.observe(size);
    }

    void recordClassifierFailure() {
        classifierFailures.increment();
    }

    String render() {
        StringBuilder out = new StringBuilder(4096);
        header(out, "jclas_requests_total", "counter", "HTTP requests by endpoint and status code.");
        new TreeMap<>(requests).forEach((key, n) -> {
            String[] parts = key.split("\u0000");
            out.append("jclas_requests_total{endpoint=\"").append(parts[0]).append("\",status=\"")
                    .append(parts[1]).append("\"} ").append(n.sum()).append('\n');
        });
        header(out, "jclas_errors_total", "counter", "HTTP requests answered with a 4xx or 5xx status, by endpoint.");
        new TreeMap<>(errors).forEach((endpoint, n) ->
                out.append("jclas_errors_total{endpoint=\"").append(endpoint).append("\"} ").append(n.sum()).append('\n'));
        header(out, "jclas_classifier_failures_total", "counter", "Classifier calls that threw.");
        out.append("jclas_classifier_failures_total ").append(classifierFailures.sum()).append('\n');
        header(out, "jclas_request_duration_seconds", "histogram", "Time from request arrival to response sent.");
        new TreeMap<>(latency).forEach((endpoint, h) ->
                h.render(out, "jclas_request_duration_seconds", "endpoint=\"" + endpoint + "\","));
        header(out, "jclas_batch_size", "histogram", "Images per classifier call.");
        batchSizes.render(out, "jclas_batch_size", "");
        header(out, "jclas_in_flight_requests", "gauge", "Requests being handled now.");
        out.append("jclas_in_flight_requests ").append(inFlight.get()).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
