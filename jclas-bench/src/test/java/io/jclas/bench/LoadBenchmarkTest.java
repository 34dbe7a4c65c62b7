package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.serving.FakeClassifier;
import io.jclas.serving.PredictionServer;
import io.jclas.serving.TestImages;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBenchmarkTest {
    private final FakeClassifier fake = new FakeClassifier();

    @Test
    void compareRunsBothModesAtEachConcurrency() {
        fake.delayMs = 2;
        LoadBenchmark.Options options = LoadBenchmark.Options.defaults().withConcurrencies(List.of(1, 4))
                .withRequests(24).withMaxTime(Duration.ofSeconds(60));
        List<LoadBenchmark.Result> results = LoadBenchmark.compare(fake, TestImages.png(3), options);
        assertEquals(4, results.size());
        assertEquals(List.of("no batching", "no batching", "batching", "batching"),
                results.stream().map(LoadBenchmark.Result::mode).toList());
        assertEquals(List.of(1, 4, 1, 4), results.stream().map(LoadBenchmark.Result::concurrency).toList());
        for (LoadBenchmark.Result r : results) {
            assertEquals(24, r.requests(), r.toString());
            assertEquals(0, r.errors(), r.toString());
            assertTrue(r.throughput() > 0 && r.p50Ms() > 0 && r.p99Ms() >= r.p50Ms(), r.toString());
        }
        // Warm-ups and measured requests: (1 + 24) + (4 + 24) per mode.
        assertEquals(2 * (25 + 28), fake.imagesStarted.get());
        String table = LoadBenchmark.table(results);
        assertEquals(2 + 4, table.lines().count(), table);
        assertTrue(table.contains("| batching | 8 | 4 | 24 | 0 |"), table);
    }

    @Test
    void failedRequestsAreCountedAsErrors() {
        fake.fail = true;
        PredictionServer server = PredictionServer.builder().setClassifier(fake).optPort(0).optMaxBatch(1).build().start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.port() + "/predict");
            LoadBenchmark.Result r = LoadBenchmark.run(url, TestImages.png(1), 2, 10, Duration.ofSeconds(60), "server", 1);
            assertEquals(10, r.requests());
            assertEquals(10, r.errors());
            assertEquals(0.0, r.throughput());
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesNonLoopbackTargets() {
        assertThrows(JclasException.class, () -> LoadBenchmark.run(URI.create("http://10.255.255.1:8866/predict"),
                new byte[] {1}, 1, 1, Duration.ofSeconds(1), "server", 1));
    }
}
