package io.jclas.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PredictionServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeClassifier fake = new FakeClassifier();
    private final List<PredictionServer> servers = new ArrayList<>();
    private PredictionServer server;

    @AfterEach
    void stopAll() {
        servers.forEach(PredictionServer::stop);
    }

    private PredictionServer start(Consumer<PredictionServer.Builder> settings) {
        PredictionServer.Builder builder = PredictionServer.builder().setClassifier(fake).optPort(0);
        settings.accept(builder);
        server = builder.build().start();
        servers.add(server);
        return server;
    }

    private PredictionServer start() {
        return start(b -> {});
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            req.header("Content-Type", contentType);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "content type of " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    /** Status, then a JSON {error, hint} with both filled and no stack trace. */
    private static JsonNode assertError(int status, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertFalse(body.path("error").asText().isBlank(), response.body());
        assertFalse(body.path("hint").asText().isBlank(), response.body());
        assertFalse(response.body().contains("\tat ") || response.body().contains("at io.jclas"), response.body());
        return body;
    }

    private static int topClass(JsonNode predictions) {
        return predictions.get(0).get("class_id").asInt();
    }

    @Test
    void predictRawImageAnswersTopkWithLabelsAndScores() throws Exception {
        start();
        JsonNode body = json(post("/predict", "image/png", TestImages.png(7)));
        JsonNode predictions = body.get("predictions");
        assertEquals(5, predictions.size());
        assertEquals(7, topClass(predictions));
        assertEquals("class7", predictions.get(0).get("label").asText());
        assertEquals(0.5, predictions.get(0).get("score").asDouble(), 1e-6);
        assertEquals(8, predictions.get(1).get("class_id").asInt());
        assertTrue(body.get("latency_ms").asDouble() >= 0);

        JsonNode top3 = json(post("/predict?topk=3", "application/octet-stream", TestImages.png(2)));
        assertEquals(3, top3.get("predictions").size());
        assertEquals(2, topClass(top3.get("predictions")));
        // No Content-Type at all is read as application/octet-stream (RFC 9110).
        assertEquals(4, topClass(json(post("/predict?topk=1", null, TestImages.png(4))).get("predictions")));
    }

    @Test
    void predictMultipartImageField() throws Exception {
        start();
        HttpResponse<String> response = post("/predict?topk=2", TestImages.multipartType(),
                TestImages.multipart("image", List.of(TestImages.png(3))));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode predictions = json(response).get("predictions");
        assertEquals(2, predictions.size());
        assertEquals(3, topClass(predictions));
    }

    @Test
    void batchMultipartKeepsImageOrder() throws Exception {
        start();
        HttpResponse<String> response = post("/predict/batch?topk=1", TestImages.multipartType(),
                TestImages.multipart("image", List.of(TestImages.png(5), TestImages.png(1), TestImages.png(9))));
        JsonNode results = json(response).get("results");
        assertEquals(3, results.size());
        assertEquals(5, topClass(results.get(0).get("predictions")));
        assertEquals(1, topClass(results.get(1).get("predictions")));
        assertEquals(9, topClass(results.get(2).get("predictions")));
        assertEquals(1, results.get(0).get("predictions").size());
        assertTrue(fake.batchSizes.contains(3), "one forward for the whole batch: " + fake.batchSizes);
    }

    @Test
    void batchJsonBase64AndDataUrls() throws Exception {
        start();
        Base64.Encoder b64 = Base64.getEncoder();
        String body = "{\"images\": [\"" + b64.encodeToString(TestImages.png(6)) + "\", \"data:image/png;base64,"
                + b64.encodeToString(TestImages.png(2)) + "\"]}";
        JsonNode results = json(post("/predict/batch", "application/json", body.getBytes())).get("results");
        assertEquals(2, results.size());
        assertEquals(6, topClass(results.get(0).get("predictions")));
        assertEquals(2, topClass(results.get(1).get("predictions")));
        assertEquals(5, results.get(1).get("predictions").size());
    }

    @Test
    void modelsAndHealth() throws Exception {
        start();
        JsonNode models = json(get("/models"));
        assertEquals("fake-net", models.get("name").asText());
        assertEquals(10, models.get("labels").size());
        assertEquals("class3", models.get("labels").get(3).asText());
        assertEquals("[3,32,32]", models.get("preprocess").get("input_shape").toString());
        assertEquals(36, models.get("preprocess").get("transform_ops").get(1).get("ResizeImage").get("resize_short").asInt());
        JsonNode health = json(get("/health"));
        assertEquals("ok", health.get("status").asText());
        assertEquals("fake-net", health.get("model").asText());
    }

    @Test
    void badInputsAnswerJsonErrorsAndTheServerKeepsServing() throws Exception {
        start(b -> b.optMaxBodyMb(1));
        byte[] png = TestImages.png(1);
        byte[] noisy = TestImages.png(1, 64, 64, true);
        assertError(400, post("/predict", "image/png", new byte[0]));
        assertError(400, post("/predict", "image/png", "hello, not an image".getBytes()));
        assertError(400, post("/predict", "image/png", Arrays.copyOf(noisy, noisy.length / 2)));
        assertError(413, post("/predict", "image/png", TestImages.bombPng()));
        assertError(413, post("/predict", "image/png", new byte[1024 * 1024 + 10]));
        assertError(415, post("/predict", "text/plain", png));
        assertError(415, post("/predict/batch", "image/png", png));
        assertError(400, post("/predict?topk=abc", "image/png", png));
        assertError(400, post("/predict?topk=0", "image/png", png));
        assertError(400, post("/predict?topk=11", "image/png", png));
        assertError(400, post("/predict", TestImages.multipartType(), TestImages.multipart("file", List.of(png))));
        assertError(400, post("/predict", TestImages.multipartType(), "garbage".getBytes()));
        assertError(400, post("/predict/batch", "application/json", "{\"images\": [".getBytes()));
        assertError(400, post("/predict/batch", "application/json", "{\"pictures\": []}".getBytes()));
        assertError(400, post("/predict/batch", "application/json", "{\"images\": [\"%%%\"]}".getBytes()));
        assertError(400, post("/predict/batch", "application/json", "{\"images\": []}".getBytes()));
        JsonNode namesImage = assertError(400, post("/predict/batch", TestImages.multipartType(),
                TestImages.multipart("image", List.of(png, "junk".getBytes()))));
        assertTrue(namesImage.get("error").asText().startsWith("image 1"), namesImage.toString());
        assertError(404, get("/nope"));
        assertError(405, get("/predict"));
        assertTrue(fake.batchSizes.isEmpty(), "no bad input reached the model: " + fake.batchSizes);
        // Still healthy and still predicting after all of that.
        assertEquals(200, get("/health").statusCode());
        assertEquals(1, topClass(json(post("/predict", "image/png", png)).get("predictions")));
    }

    @Test
    void chunkedOversizeBodyIsRefusedWhileReading() throws Exception {
        start(b -> b.optMaxBodyMb(1));
        HttpRequest request = HttpRequest.newBuilder(uri("/predict")).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1024 * 1024 + 10])))
                .build();
        assertError(413, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        start(b -> b.optMaxPixels(63));
        assertError(413, post("/predict", "image/png", TestImages.png(1)));
        assertEquals(200, post("/predict", "image/png", TestImages.png(1, 7, 9, false)).statusCode());
    }

    @Test
    void batchImageCountIsLimited() throws Exception {
        start(b -> b.optMaxImagesPerRequest(2));
        byte[] png = TestImages.png(1);
        assertError(413, post("/predict/batch", TestImages.multipartType(),
                TestImages.multipart("image", List.of(png, png, png))));
    }

    @Test
    void classifierFailureIs503WithoutInternals() throws Exception {
        start();
        fake.fail = true;
        HttpResponse<String> response = post("/predict", "image/png", TestImages.png(1));
        assertError(503, response);
        assertFalse(response.body().contains("secret internal detail"), response.body());
        assertError(503, post("/predict/batch", TestImages.multipartType(),
                TestImages.multipart("image", List.of(TestImages.png(1)))));
        fake.fail = false;
        assertEquals(200, post("/predict", "image/png", TestImages.png(1)).statusCode());
    }

    @Test
    void concurrentRequestsAreBatchedAndEachGetsItsOwnAnswer() throws Exception {
        start(b -> b.optMaxBatch(8).optMaxWaitMs(200));
        fake.delayMs = 100;
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int id = 0; id < 8; id++) {
            HttpRequest request = HttpRequest.newBuilder(uri("/predict?topk=" + (1 + id % 3)))
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(id))).build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (int id = 0; id < 8; id++) {
            HttpResponse<String> response = pending.get(id).join();
            assertEquals(200, response.statusCode(), response.body());
            JsonNode predictions = json(response).get("predictions");
            assertEquals(id, topClass(predictions), "request " + id + " got another request's answer");
            assertEquals(1 + id % 3, predictions.size(), "request " + id + " lost its own topk");
        }
        assertEquals(8, fake.batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(fake.batchSizes.stream().anyMatch(n -> n > 1), "no batch grouped requests: " + fake.batchSizes);
        assertTrue(fake.batchSizes.stream().allMatch(n -> n <= 8), "batch over max: " + fake.batchSizes);
    }

    @Test
    void maxBatchOneNeverGroups() throws Exception {
        start(b -> b.optMaxBatch(1));
        fake.delayMs = 50;
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            pending.add(http.sendAsync(HttpRequest.newBuilder(uri("/predict")).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(id))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int id = 0; id < 4; id++) {
            assertEquals(id, topClass(json(pending.get(id).join()).get("predictions")));
        }
        assertEquals(List.of(1, 1, 1, 1), fake.batchSizes);
    }

    @Test
    void stopFinishesRequestsInFlightThenRefuses() throws Exception {
        start(b -> b.optMaxBatch(4).optMaxWaitMs(1));
        fake.delayMs = 400;
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            pending.add(http.sendAsync(HttpRequest.newBuilder(uri("/predict")).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(id))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int waited = 0; fake.imagesStarted.get() < 4; waited += 5) {
            assertTrue(waited < 30_000, "the 4 requests never reached the model");
            Thread.sleep(5);
        }
        URI after = uri("/health");
        server.stop();
        for (int id = 0; id < 4; id++) {
            HttpResponse<String> response = pending.get(id).join();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(id, topClass(json(response).get("predictions")));
        }
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(after).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void metricsCountRequestsErrorsLatencyAndBatches() throws Exception {
        start();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post("/predict", "image/png", TestImages.png(i)).statusCode());
        }
        assertEquals(400, post("/predict", "image/png", new byte[0]).statusCode());
        assertEquals(404, get("/missing").statusCode());
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = response.body();
        assertEquals(3, value(text, "jclas_requests_total{endpoint=\"/predict\",status=\"200\"}"), text);
        assertEquals(1, value(text, "jclas_requests_total{endpoint=\"/predict\",status=\"400\"}"), text);
        assertEquals(1, value(text, "jclas_requests_total{endpoint=\"other\",status=\"404\"}"), text);
        assertEquals(1, value(text, "jclas_errors_total{endpoint=\"/predict\"}"), text);
        assertEquals(4, value(text, "jclas_request_duration_seconds_bucket{endpoint=\"/predict\",le=\"+Inf\"}"), text);
        assertEquals(4, value(text, "jclas_request_duration_seconds_count{endpoint=\"/predict\"}"), text);
        assertEquals(3, value(text, "jclas_batch_size_count"), text);
        assertEquals(3, value(text, "jclas_batch_size_bucket{le=\"1\"}"), text);
        // The scrape itself is the one request in flight.
        assertEquals(1, value(text, "jclas_in_flight_requests"), text);
        assertTrue(text.contains("# TYPE jclas_request_duration_seconds histogram"), text);
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "no series " + series);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void ephemeralPortAndBadSettings() {
        PredictionServer s = start();
        assertTrue(s.port() > 0);
        assertThrows(io.jclas.JclasException.class, () -> PredictionServer.builder().build());
        assertThrows(io.jclas.JclasException.class,
                () -> PredictionServer.builder().setClassifier(fake).optMaxBatch(0).build());
        assertThrows(io.jclas.JclasException.class,
                () -> PredictionServer.builder().setClassifier(fake).optPort(s.port()).build().start());
    }
}
