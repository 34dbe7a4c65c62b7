package io.jclas.bench;

import io.jclas.JclasException;
import io.jclas.infer.Classifier;
import io.jclas.serving.PredictionServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP load test of POST /predict on loopback: a bounded number of requests within a bounded time at
 * each concurrency, reporting throughput, median and 99th-percentile latency and errors. {@link
 * #compare} starts its own servers, without and with dynamic batching, to show what batching buys.
 *
 * <pre>
 * java -cp ... io.jclas.bench.LoadBenchmark output/inference shoe.png [requests] [seconds]
 * java -cp ... io.jclas.bench.LoadBenchmark --url http://127.0.0.1:8866 shoe.png [requests] [seconds]
 * </pre>
 */
public final class LoadBenchmark {
    private LoadBenchmark() {}

    /**
     * @param concurrencies client threads of each level
     * @param requests requests per level (warm-up requests come on top and are not counted)
     * @param maxTime time limit per level; the level stops early when it runs out
     * @param maxBatch the batching server's max batch ({@link #compare})
     * @param maxWaitMs the batching server's max wait ({@link #compare})
     */
    public record Options(List<Integer> concurrencies, int requests, Duration maxTime, int maxBatch, long maxWaitMs) {
        public static Options defaults() {
            return new Options(List.of(1, 4, 16), 200, Duration.ofSeconds(20), 8, 5);
        }

        public Options withRequests(int n) {
            return new Options(concurrencies, n, maxTime, maxBatch, maxWaitMs);
        }

        public Options withMaxTime(Duration t) {
            return new Options(concurrencies, requests, t, maxBatch, maxWaitMs);
        }

        public Options withConcurrencies(List<Integer> c) {
            return new Options(c, requests, maxTime, maxBatch, maxWaitMs);
        }
    }

    /**
     * One load level.
     *
     * @param mode "batching" or "no batching" ({@link #compare}), or "server" for an external one
     * @param requests requests sent (fewer than asked when the time limit ran out)
     * @param errors requests that failed or got a non-200 answer
     * @param throughput successful requests per second
     * @param p50Ms median latency of all requests sent, in ms
     * @param p99Ms 99th-percentile latency, in ms
     */
    public record Result(String mode, int maxBatch, int concurrency, int requests, int errors, double seconds,
            double throughput, double p50Ms, double p99Ms) {}

    /** Loads {@code predictUrl} (loopback only) with {@code requests} requests from {@code concurrency} threads. */
    public static Result run(URI predictUrl, byte[] image, int concurrency, int requests, Duration maxTime,
            String mode, int maxBatch) {
        requireLoopback(predictUrl);
        if (concurrency < 1 || requests < 1) {
            throw new JclasException("concurrency and requests must be positive", "use e.g. concurrency 4, 200 requests");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(predictUrl).header("Content-Type", "application/octet-stream")
                .timeout(maxTime.plusSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            // Warm-up: one request per connection so that connection setup is not measured.
            drive(pool, client, request, concurrency, concurrency, Long.MAX_VALUE);
            long start = System.nanoTime();
            Outcome outcome = drive(pool, client, request, concurrency, requests, start + maxTime.toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = outcome.latencies.clone();
            Arrays.sort(sorted);
            int ok = sorted.length - outcome.errors;
            return new Result(mode, maxBatch, concurrency, sorted.length, outcome.errors, seconds, ok / seconds,
                    percentile(sorted, 0.50), percentile(sorted, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts a server without batching and one with batching (ephemeral loopback ports), loads each
     * at every concurrency, stops them; the classifier stays open.
     */
    public static List<Result> compare(Classifier classifier, byte[] image, Options options) {
        List<Result> results = new ArrayList<>();
        for (int maxBatch : new int[] {1, options.maxBatch()}) {
            String mode = maxBatch == 1 ? "no batching" : "batching";
            PredictionServer server = PredictionServer.builder().setClassifier(classifier).optPort(0)
                    .optMaxBatch(maxBatch).optMaxWaitMs(options.maxWaitMs()).optTopk(1).build().start();
            try {
                URI url = URI.create("http://127.0.0.1:" + server.port() + "/predict?topk=1");
                for (int concurrency : options.concurrencies()) {
                    results.add(run(url, image, concurrency, options.requests(), options.maxTime(), mode, maxBatch));
                }
            } finally {
                server.stop();
            }
        }
        return results;
    }

    /** The results as a Markdown table. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| mode | max batch | concurrency | requests | errors | req/s | p50 ms | p99 ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.2f | %.2f |%n", r.mode(),
                    r.maxBatch(), r.concurrency(), r.requests(), r.errors(), r.throughput(), r.p50Ms(), r.p99Ms()));
        }
        return out.toString();
    }

    /** {@code <model-dir>|--url <http://127.0.0.1:port> <image> [requests per level] [seconds per level]}. */
    public static void main(String[] args) throws IOException {
        boolean external = args.length > 0 && args[0].equals("--url");
        int first = external ? 2 : 1;
        if (args.length < first + 1) {
            System.err.println("usage: LoadBenchmark <model-dir> <image> [requests] [seconds]\n"
                    + "       LoadBenchmark --url http://127.0.0.1:8866 <image> [requests] [seconds]");
            System.exit(2);
        }
        byte[] image = Files.readAllBytes(Path.of(args[first]));
        Options options = Options.defaults();
        if (args.length > first + 1) {
            options = options.withRequests(Integer.parseInt(args[first + 1]));
        }
        if (args.length > first + 2) {
            options = options.withMaxTime(Duration.ofSeconds(Long.parseLong(args[first + 2])));
        }
        List<Result> results;
        if (external) {
            URI url = URI.create(args[1].replaceAll("/+$", "") + "/predict?topk=1");
            results = new ArrayList<>();
            for (int concurrency : options.concurrencies()) {
                results.add(run(url, image, concurrency, options.requests(), options.maxTime(), "server", 0));
            }
        } else {
            try (Classifier classifier = Classifier.load(Path.of(args[0]))) {
                results = compare(classifier, image, options);
            }
        }
        System.out.print(table(results));
    }

    private record Outcome(long[] latencies, int errors) {}

    private static Outcome drive(ExecutorService pool, HttpClient client, HttpRequest request, int concurrency,
            int requests, long deadlineNanos) {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadlineNanos && (i = next.getAndIncrement()) < requests) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies[i] = System.nanoTime() - start;
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (Exception e) {
                throw new IllegalStateException("load worker failed", e);
            }
        }
        // Slots are filled in claim order; a time-out leaves the unclaimed tail empty.
        return new Outcome(Arrays.copyOf(latencies, Math.min(done.get(), requests)), errors.get());
    }

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length - 1))] / 1e6;
    }

    private static void requireLoopback(URI url) {
        String host = url.getHost();
        try {
            if (host != null && InetAddress.getByName(host).isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // refused below
        }
        throw new JclasException("load tests run against loopback only, not " + url,
                "start the server locally and use http://127.0.0.1:<port>");
    }
}
