package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jclas.data.transform.Preprocessing;
import io.jclas.model.InferenceYaml;
import io.jclas.onnx.Exporter;
import io.jclas.serving.TestImages;
import io.jclas.zoo.ModelInfo.InputDefaults;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jclas serve} under load, in a child JVM started as the launcher starts it (its serve settings
 * from {@link ServeJvm}), on loopback. GET /models reports the preprocessing of the exported
 * inference.yml; then two rounds of 5,000 requests at concurrency 16, half of them the malformed inputs
 * of PredictionServerTest: no 5xx, every bad input a 4xx JSON error, the server alive, and its resident
 * memory after the second round within 10% of that after the first (a leak per request would show there).
 */
class ServeSoakTest {
    private static final int ROUND = 5_000;
    private static final int CONCURRENCY = 16;
    private static final Pattern LISTENING = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");

    /** What a request sends and the status it must get. */
    private record Call(String path, String contentType, byte[] body, int status) {}

    @Test
    void fiveThousandRequestsTwiceKeepRssFlatAndAnswerEveryBadInputWith4xx(@TempDir Path tmp) throws Exception {
        Path model = exportTinyModel(tmp.resolve("inference"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true"));
        command.addAll(ServeJvm.javaOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--model", model.toString(), "--port", "0", "--threads", "1"));
        Process server = new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        try {
            String base = awaitUrl(server);
            assertServesTheExportsPreprocessing(base, model);
            List<Call> calls = calls();
            long[] rss = new long[2];
            for (int round = 0; round < 2; round++) {
                int[] unexpected = load(base, calls);
                assertEquals(0, unexpected[0], "5xx answers in round " + (round + 1));
                assertEquals(0, unexpected[1], "answers with another status than expected in round " + (round + 1));
                assertTrue(server.isAlive(), "server died; stderr: " + Files.readString(tmp.resolve("stderr.txt")));
                rss[round] = rssKb(server.pid());
            }
            System.out.printf("serve soak: RSS after round 1 %d MB, after round 2 %d MB (%+.1f%%)%n", rss[0] / 1024,
                    rss[1] / 1024, 100.0 * (rss[1] - rss[0]) / rss[0]);
            assertTrue(rss[1] <= rss[0] * 1.10, "RSS grew from " + rss[0] + " kB to " + rss[1] + " kB");
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** GET /models reports the preprocessing the server's classifier runs: the one inference.yml holds. */
    private static void assertServesTheExportsPreprocessing(String base, Path model) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/models"))
                .build(), HttpResponse.BodyHandlers.ofString());
        ObjectMapper json = new ObjectMapper();
        Preprocessing exported = InferenceYaml.read(model.resolve(InferenceYaml.FILE_NAME)).preprocess();
        JsonNode served = json.readTree(r.body()).get("preprocess");
        assertEquals(json.valueToTree(exported.transformOps()), served.get("transform_ops"));
        assertEquals(json.valueToTree(exported.inputShape()), served.get("input_shape"));
    }

    /** A random ShuffleNetV2_x0_25 (3x32x32 input, 10 classes) exported as `jclas export` writes it. */
    private static Path exportTinyModel(Path dir) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = Models.create("ShuffleNetV2_x0_25",
                    ModelOptions.defaults().withClassNum(10).withInputSize(32).withSmallInput(true));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Exporter.export(net, "ShuffleNetV2_x0_25", Preprocessing.centerCrop(3, 36, 32,
                    InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std()), List.of(), dir);
        }
        return dir;
    }

    /** Seven good images of different sizes, then the malformed inputs of PredictionServerTest. */
    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            calls.add(new Call("/predict", "image/png", TestImages.png(i, 40 + 13 * i, 48 + 7 * i, true), 200));
        }
        byte[] noisy = TestImages.png(1, 64, 64, true);
        calls.addAll(List.of(
                new Call("/predict", "image/png", new byte[0], 400),
                new Call("/predict", "image/png", "hello, not an image".getBytes(StandardCharsets.UTF_8), 400),
                new Call("/predict", "image/png", Arrays.copyOf(noisy, noisy.length / 2), 400),
                new Call("/predict", "image/png", TestImages.bombPng(), 413),
                new Call("/predict", "text/plain", TestImages.png(2), 415),
                new Call("/predict?topk=0", "image/png", TestImages.png(3), 400),
                new Call("/predict/nothing", "image/png", TestImages.png(4), 404)));
        return calls;
    }

    /** Sends one round; returns {5xx answers, answers of another status or without a JSON error}. */
    private static int[] load(String base, List<Call> calls) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ROUND; i = next.getAndIncrement()) {
                        Call call = calls.get(i % calls.size());
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + call.path()))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", call.contentType())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        }
                        boolean jsonError = call.status() == 200 || r.body().startsWith("{\"error\":");
                        if (r.statusCode() != call.status() || !jsonError) {
                            wrong.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new int[] {serverErrors.get(), wrong.get()};
    }

    private static String awaitUrl(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("jclas serve exited with " + server.waitFor() + " before listening");
    }

    /** VmRSS of a process in kB, from /proc. */
    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new AssertionError("no VmRSS in /proc/" + pid + "/status");
    }
}
