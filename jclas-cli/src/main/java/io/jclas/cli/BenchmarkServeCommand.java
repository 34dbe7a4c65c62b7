package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.bench.LoadBenchmark;
import io.jclas.infer.Classifier;
import io.jclas.recipe.ConfigValidator;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jclas benchmark serve}: HTTP load on POST /predict, either comparing a server without and
 * with dynamic batching (started here on loopback) or against a running server ({@code --url}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"HTTP load benchmark of the prediction service.",
            "Loads POST /predict on loopback at several concurrencies: throughput, p50/p99 latency, errors.",
            "With --model: starts a server without and one with dynamic batching and compares them.",
            "With --url: loads a running `jclas serve`."})
final class BenchmarkServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Mixin
    ModelDirOptions model;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--url", paramLabel = "URL", description = "A running server, e.g. http://127.0.0.1:8866 (loopback only).")
    URI url;

    @Option(names = "--image", paramLabel = "FILE", required = true, description = "The image every request sends.")
    Path image;

    @Option(names = "--concurrency", paramLabel = "N", split = ",", defaultValue = "1,4,16",
            description = "Client threads per level (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrency = new ArrayList<>();

    @Option(names = "--requests", paramLabel = "N", defaultValue = "200", description = "Requests per level (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
            description = "Time limit per level (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Mixin
    BatchingOptions batching;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table as Markdown to FILE.")
    Path out;

    @Override
    public Integer call() {
        byte[] bytes = readImage();
        Duration maxTime = Duration.ofSeconds(seconds);
        List<LoadBenchmark.Result> results = new ArrayList<>();
        if (url != null) {
            URI predict = url.resolve("/predict?topk=1");
            for (int c : concurrency) {
                results.add(LoadBenchmark.run(predict, bytes, c, requests, maxTime, "server", 0));
            }
        } else {
            LoadBenchmark.Options options = new LoadBenchmark.Options(concurrency, requests, maxTime, batching.maxBatch, batching.maxWaitMs);
            try (Classifier classifier = model.open(config.settings(ConfigValidator.Use.PREDICT), runtime)) {
                results.addAll(LoadBenchmark.compare(classifier, bytes, options));
            }
        }
        String table = LoadBenchmark.table(results);
        PrintWriter w = spec.commandLine().getOut();
        w.print(table);
        w.flush();
        if (out != null) {
            AtomicFiles.writeString(out, table);
            w.println("written: " + out);
        }
        return 0;
    }

    private byte[] readImage() {
        try {
            return Files.readAllBytes(image);
        } catch (IOException e) {
            throw new JclasException("cannot read image " + image, "pass an existing PNG or JPEG with --image", e);
        }
    }
}
