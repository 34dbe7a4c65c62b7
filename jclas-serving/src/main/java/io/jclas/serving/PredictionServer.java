package io.jclas.serving;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.jclas.JclasException;
import io.jclas.infer.Classifier;
import io.jclas.infer.ModelDescription;
import io.jclas.infer.Prediction;
import jakarta.servlet.DispatcherType;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP prediction service: POST /predict, POST /predict/batch, GET /models, GET /health,
 * GET /metrics, with dynamic batching of concurrent single-image requests. Every refusal is JSON
 * {@code {error, hint}} with a 4xx status (503 when the model itself fails or the server stops).
 *
 * <pre>{@code
 * PredictionServer server = PredictionServer.builder().setClassifier(classifier).optPort(8866).build().start();
 * ...
 * server.stop(); // finishes the requests in flight; the classifier stays open (the caller owns it)
 * }</pre>
 */
public final class PredictionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);
    private static final String ROUTES = "POST /predict, POST /predict/batch, GET /models, GET /health, GET /metrics";
    private static final int QUEUE_CAPACITY = 1024;

    private final Builder cfg;
    private final ServerMetrics metrics = new ServerMetrics();
    private final RequestImages images;
    private final GuardedClassifier classifier;
    private volatile boolean accepting;
    private ModelDescription description;
    private Json.ModelResponse modelResponse;
    private int maxTopk;
    private Batcher batcher;
    private Javalin app;

    private PredictionServer(Builder cfg) {
        this.cfg = cfg;
        this.images = new RequestImages(cfg.maxBodyMb * 1024 * 1024, cfg.maxPixels, cfg.maxImagesPerRequest);
        this.classifier = new GuardedClassifier(cfg.classifier, metrics);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this. */
    public synchronized PredictionServer start() {
        if (app != null) {
            throw new IllegalStateException("server already started");
        }
        // ImageIO otherwise spools every decoded stream through a temporary file.
        ImageIO.setUseCache(false);
        description = cfg.classifier.describe();
        modelResponse = new Json.ModelResponse(description);
        List<String> labels = description.labels();
        maxTopk = labels == null || labels.isEmpty() ? Integer.MAX_VALUE : labels.size();
        if (cfg.topk > maxTopk) {
            throw new JclasException("default topk " + cfg.topk + " exceeds the model's " + maxTopk + " classes",
                    "choose a topk between 1 and " + maxTopk);
        }
        batcher = cfg.maxBatch > 1 ? new Batcher(classifier, cfg.maxBatch, cfg.maxWaitMs, QUEUE_CAPACITY) : null;
        Javalin created = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = (long) cfg.maxBodyMb * 1024 * 1024;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new FilterHolder(new RequestTracking(metrics, () -> accepting)), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
        });
        routes(created);
        accepting = true;
        try {
            created.start(cfg.host, cfg.port);
        } catch (RuntimeException e) {
            accepting = false;
            created.stop();
            closeBatcher();
            throw new JclasException("cannot listen on " + cfg.host + ":" + cfg.port + ": " + e.getMessage(),
                    "choose another port (0 picks a free one) or stop the process that holds it", e);
        }
        app = created;
        LOG.info("serving {} on http://{}:{} (max batch {}, max wait {} ms)", description.name(), cfg.host,
                app.port(), cfg.maxBatch, cfg.maxWaitMs);
        return this;
    }

    /**
     * Graceful stop: refuses new requests (503) and connections, waits for the requests in flight to be
     * answered (up to the drain timeout), then closes the listener. Safe to call twice.
     */
    public void stop() {
        Javalin running;
        synchronized (this) {
            running = app;
            app = null;
        }
        if (running == null) {
            return;
        }
        accepting = false;
        for (Connector connector : running.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.shutdown();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cfg.drainTimeoutMs);
        while (metrics.inFlight().get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (metrics.inFlight().get() > 0) {
            LOG.warn("stopping with {} requests still in flight after {} ms", metrics.inFlight().get(), cfg.drainTimeoutMs);
        }
        closeBatcher();
        running.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port once started (the ephemeral one when built with port 0), else the configured one. */
    public synchronized int port() {
        return app != null ? app.port() : cfg.port;
    }

    /** The host the server binds. */
    public String host() {
        return cfg.host;
    }

    /** Requests being handled now. */
    int inFlight() {
        return metrics.inFlight().get();
    }

    private void closeBatcher() {
        if (batcher != null) {
            batcher.close();
            batcher = null;
        }
    }

    private void routes(Javalin javalin) {
        javalin.post("/predict", this::predict);
        javalin.post("/predict/batch", this::predictBatch);
        javalin.get("/models", ctx -> json(ctx, 200, modelResponse));
        javalin.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok", "model", String.valueOf(description.name()))));
        javalin.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
        javalin.exception(ServingException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.getHint()));
        javalin.exception(JclasException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.getHint()));
        javalin.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(),
                "see docs/serving.md for the request formats"));
        javalin.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error (" + e.getClass().getSimpleName() + ")", "the server log has the details");
        });
        javalin.error(404, ctx -> error(ctx, 404, "no route " + ctx.method() + " " + ctx.path(), "routes: " + ROUTES));
        javalin.error(405, ctx -> error(ctx, 405, "method " + ctx.method() + " not allowed on " + ctx.path(),
                "routes: " + ROUTES));
    }

    private void predict(Context ctx) {
        long start = System.nanoTime();
        int topk = topk(ctx);
        BufferedImage image = images.single(ctx.req());
        List<Prediction> predictions = batcher != null
                ? await(batcher.submit(image, topk))
                : classifier.predictBatch(List.of(image), topk).get(0);
        json(ctx, 200, new Json.PredictResponse(predictions, millisSince(start)));
    }

    private void predictBatch(Context ctx) {
        long start = System.nanoTime();
        int topk = topk(ctx);
        List<BufferedImage> decoded = images.batch(ctx.req());
        List<Json.ImageResult> results = classifier.predictBatch(decoded, topk).stream()
                .map(Json.ImageResult::new).toList();
        json(ctx, 200, new Json.BatchResponse(results, millisSince(start)));
    }

    private int topk(Context ctx) {
        String raw = ctx.queryParam("topk");
        if (raw == null) {
            return cfg.topk;
        }
        String range = maxTopk == Integer.MAX_VALUE ? "a positive integer" : "an integer from 1 to " + maxTopk;
        try {
            int topk = Integer.parseInt(raw.trim());
            if (topk >= 1 && topk <= maxTopk) {
                return topk;
            }
        } catch (NumberFormatException e) {
            // answered below with the same message as an out-of-range value
        }
        throw new ServingException(400, "bad topk '" + raw + "'", "topk must be " + range);
    }

    private List<Prediction> await(CompletableFuture<List<Prediction>> future) {
        try {
            return future.get(cfg.requestTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServingException s) {
                throw s;
            }
            throw new ServingException(503, "the prediction failed", "retry later; the server log has the details", e);
        } catch (TimeoutException e) {
            throw new ServingException(503, "no answer from the model within " + cfg.requestTimeoutMs + " ms",
                    "the server is overloaded; retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServingException(503, "interrupted while waiting for the model", "retry later");
        }
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e4) / 100.0;
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.bytes(body));
    }

    private static void error(Context ctx, int status, String message, String hint) {
        json(ctx, status, new Json.ErrorResponse(message, hint));
    }

    /** Settings of a {@link PredictionServer}; only the classifier is required. */
    public static final class Builder {
        private Classifier classifier;
        private String host = "127.0.0.1";
        private int port = 8866;
        private int maxBatch = 8;
        private long maxWaitMs = 5;
        private int maxBodyMb = 10;
        private long maxPixels = 40_000_000L;
        private int topk = 5;
        private int maxImagesPerRequest = 64;
        private long requestTimeoutMs = 60_000;
        private long drainTimeoutMs = 30_000;

        private Builder() {}

        /** The model to serve (thread-safe, as every {@link Classifier} is); the server never closes it. */
        public Builder setClassifier(Classifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /** Interface to bind; default 127.0.0.1 (loopback only), 0.0.0.0 for all. */
        public Builder optHost(String host) {
            this.host = host;
            return this;
        }

        /** TCP port; default 8866; 0 binds a free one, read it back with {@link #port()}. */
        public Builder optPort(int port) {
            this.port = port;
            return this;
        }

        /** Most images per forward when batching concurrent requests; default 8; 1 disables batching. */
        public Builder optMaxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
            return this;
        }

        /** How long the first image of a batch waits for company; default 5 ms. */
        public Builder optMaxWaitMs(long maxWaitMs) {
            this.maxWaitMs = maxWaitMs;
            return this;
        }

        /** Largest request body; default 10 MB; larger ones get 413. */
        public Builder optMaxBodyMb(int maxBodyMb) {
            this.maxBodyMb = maxBodyMb;
            return this;
        }

        /** Largest image (width x height, read from the header before decoding); default 40 megapixels. */
        public Builder optMaxPixels(long maxPixels) {
            this.maxPixels = maxPixels;
            return this;
        }

        /** Answers per image when the request has no {@code ?topk=}; default 5. */
        public Builder optTopk(int topk) {
            this.topk = topk;
            return this;
        }

        /** Most images in one POST /predict/batch; default 64. */
        public Builder optMaxImagesPerRequest(int maxImagesPerRequest) {
            this.maxImagesPerRequest = maxImagesPerRequest;
            return this;
        }

        /** How long a request waits for its batch to be run before a 503; default 60 s. */
        public Builder optRequestTimeoutMs(long requestTimeoutMs) {
            this.requestTimeoutMs = requestTimeoutMs;
            return this;
        }

        /** How long {@link #stop()} waits for requests in flight; default 30 s. */
        public Builder optDrainTimeoutMs(long drainTimeoutMs) {
            this.drainTimeoutMs = drainTimeoutMs;
            return this;
        }

        public PredictionServer build() {
            if (classifier == null) {
                throw new JclasException("no classifier to serve", "call setClassifier(Classifier.load(dir))");
            }
            check(port >= 0 && port <= 65535, "port " + port, "a port from 0 to 65535 (0 = any free port)");
            check(host != null && !host.isBlank(), "host '" + host + "'", "127.0.0.1, 0.0.0.0 or a host name");
            check(maxBatch >= 1, "max batch " + maxBatch, "1 (no batching) or more");
            check(maxWaitMs >= 0, "max wait " + maxWaitMs + " ms", "0 or more milliseconds");
            check(maxBodyMb >= 1 && maxBodyMb <= 1024, "max body " + maxBodyMb + " MB", "1 to 1024 MB");
            check(maxPixels >= 1, "max pixels " + maxPixels, "a positive pixel count");
            check(topk >= 1, "topk " + topk, "1 or more");
            check(maxImagesPerRequest >= 1, "max images per request " + maxImagesPerRequest, "1 or more");
            check(requestTimeoutMs >= 1, "request timeout " + requestTimeoutMs + " ms", "1 ms or more");
            check(drainTimeoutMs >= 0, "drain timeout " + drainTimeoutMs + " ms", "0 or more milliseconds");
            return new PredictionServer(this);
        }

        private static void check(boolean ok, String what, String expected) {
            if (!ok) {
                throw new JclasException("invalid server setting: " + what, "use " + expected);
            }
        }
    }
}
