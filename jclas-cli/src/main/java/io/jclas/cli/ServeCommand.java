package io.jclas.cli;

import io.jclas.config.Config;
import io.jclas.recipe.ConfigValidator;
import io.jclas.infer.Classifier;
import io.jclas.infer.ModelDescription;
import io.jclas.serving.PredictionServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jclas serve}: the HTTP prediction service until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a model over HTTP with dynamic batching.",
            "Routes: POST /predict, POST /predict/batch, GET /models, GET /health, GET /metrics",
            "(see docs/serving.md). Stops gracefully on Ctrl-C or SIGTERM."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    ModelDirOptions model;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Interface to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8866", description = "Port (default: ${DEFAULT-VALUE}; 0 = a free one).")
    int port;

    @Mixin
    BatchingOptions batching;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "10",
            description = "Largest request body (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Option(names = "--topk", paramLabel = "K", defaultValue = "5",
            description = "Default classes per image; ?topk=N overrides per request (default: ${DEFAULT-VALUE}).")
    int topk;

    @Override
    public Integer call() throws InterruptedException {
        Config settings = config.settings(ConfigValidator.Use.PREDICT);
        Classifier classifier = model.open(settings, runtime);
        PredictionServer server;
        try {
            server = PredictionServer.builder().setClassifier(classifier).optHost(host).optPort(port)
                    .optMaxBatch(batching.maxBatch).optMaxWaitMs(batching.maxWaitMs).optMaxBodyMb(maxBodyMb).optTopk(topk)
                    .build().start();
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            classifier.close();
            stopped.countDown();
        }, "jclas-serve-stop"));
        ModelDescription d = classifier.describe();
        PrintWriter out = spec.commandLine().getOut();
        String url = "http://" + host + ":" + server.port();
        int classes = d.labels() == null ? 0 : d.labels().size();
        out.printf("serving %s (%s, %d classes) on %s%n", d.name(), d.engine(), classes, url);
        out.printf("try: curl -s -H 'Content-Type: image/png' --data-binary @IMAGE.png '%s/predict?topk=3'%n", url);
        out.println("stop with Ctrl-C");
        out.flush();
        stopped.await();
        return 0;
    }
}
