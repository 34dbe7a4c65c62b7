package io.jclas.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jclas.JclasException;
import io.jclas.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download cache against a loopback HTTP server: no hub is reachable from the tests. */
class WeightCacheTest {
    private static final byte[] WEIGHTS = new byte[300_000];

    static {
        new Random(16).nextBytes(WEIGHTS);
    }

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ResNet18_pretrained.pdparams", ex -> send(ex, WEIGHTS.length, WEIGHTS.length));
        server.createContext("/cut.pdparams", ex -> send(ex, WEIGHTS.length, WEIGHTS.length / 3));
        server.createContext("/resnet18-0123abcd.pth", ex -> send(ex, WEIGHTS.length, WEIGHTS.length));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Declares {@code declared} bytes and sends {@code sent} of them. */
    private void send(HttpExchange ex, long declared, int sent) throws IOException {
        requests.incrementAndGet();
        ex.sendResponseHeaders(200, declared);
        OutputStream body = ex.getResponseBody();
        try {
            body.write(WEIGHTS, 0, sent);
            body.flush();
        } finally {
            ex.close(); // short of the declared length, this drops the connection
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private WeightCache cache() {
        return new WeightCache(dir.resolve("weights"), false);
    }

    @Test
    void downloadsOnceWithProgressAndRecordsTheSha256() throws IOException {
        List<long[]> progress = new ArrayList<>();
        long[] announced = {0};
        DownloadListener listener = new DownloadListener() {
            @Override
            public void started(URI url, Path target, long totalBytes) {
                announced[0] = totalBytes;
            }

            @Override
            public void progress(long bytes, long totalBytes) {
                progress.add(new long[] {bytes, totalBytes});
            }
        };
        URI url = url("/ResNet18_pretrained.pdparams");
        Path file = cache().fetch(url, listener);
        assertEquals(dir.resolve("weights/ResNet18_pretrained.pdparams"), file);
        assertArrayEquals(WEIGHTS, Files.readAllBytes(file));
        assertEquals(WEIGHTS.length, announced[0]);
        assertTrue(progress.size() > 1, "several progress reports, got " + progress.size());
        assertArrayEquals(new long[] {WEIGHTS.length, WEIGHTS.length}, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] > progress.get(i - 1)[0], "progress only grows");
        }
        String record = Files.readString(file.resolveSibling("ResNet18_pretrained.pdparams.sha256"));
        assertEquals(WeightCache.sha256(file) + "  ResNet18_pretrained.pdparams", record.trim());
        assertEquals(cache().fetch(url, DownloadListener.NONE), file);
        assertEquals(1, requests.get(), "the second fetch is served from the cache");
    }

    @Test
    void anInterruptedDownloadLeavesNoFile() throws IOException {
        assertRefusedLeavingNothing("/cut.pdparams", "nothing was written: the connection closed after ");
    }

    @Test
    void aChangedFileFailsTheRecordedChecksum() throws IOException {
        URI url = url("/ResNet18_pretrained.pdparams");
        Path file = cache().fetch(url, DownloadListener.NONE);
        byte[] changed = WEIGHTS.clone();
        changed[1000] ^= 1;
        Files.write(file, changed);
        JclasException e = assertThrows(JclasException.class, () -> cache().fetch(url, DownloadListener.NONE));
        assertTrue(e.getMessage().startsWith("weights file " + file + " has changed since its download"), e.getMessage());
        assertTrue(e.getHint().contains("delete"), e.getHint());
    }

    @Test
    void aFileWhoseNameCarriesAnotherHashIsRefusedAndNotKept() throws IOException {
        assertRefusedLeavingNothing("/resnet18-0123abcd.pth", "does not start with 0123abcd");
    }

    /** Fetching {@code path} fails with {@code message} in the error, and the cache folder stays empty. */
    private void assertRefusedLeavingNothing(String path, String message) throws IOException {
        JclasException e = assertThrows(JclasException.class, () -> cache().fetch(url(path), DownloadListener.NONE));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(List.of(), filesIn(dir.resolve("weights")), "no file, no temporary file");
    }

    @Test
    void offlineNamesTheUrlAndThePathAndDownloadsNothing() {
        URI url = url("/ResNet18_pretrained.pdparams");
        WeightCache offline = new WeightCache(dir.resolve("weights"), true);
        JclasException e = assertThrows(JclasException.class, () -> offline.fetch(url, DownloadListener.NONE));
        assertEquals("cannot download " + url + " offline (-Dai.djl.offline=true); put the file at "
                + dir.resolve("weights/ResNet18_pretrained.pdparams"), e.getMessage());
        assertEquals(0, requests.get());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aFilePutInPlaceByHandIsUsedOfflineAndRecorded() throws IOException {
        URI url = url("/ResNet18_pretrained.pdparams");
        WeightCache offline = new WeightCache(dir.resolve("weights"), true);
        Path file = offline.pathOf(url);
        Files.createDirectories(file.getParent());
        Files.write(file, WEIGHTS);
        assertEquals(file, offline.fetch(url, DownloadListener.NONE));
        assertTrue(Files.isRegularFile(file.resolveSibling(file.getFileName() + ".sha256")));
        assertEquals(0, requests.get());
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aUrlInPretrainedModelBecomesTheCachedFile() {
        URI url = url("/ResNet18_pretrained.pdparams");
        Config config = Config.empty().set("Arch.name", "ResNet18").set("Global.pretrained_model", url.toString());
        Config local = PretrainedSource.resolve(config, cache(), DownloadListener.NONE);
        assertEquals(cache().pathOf(url).toString(), local.getString("Global.pretrained_model"));
        assertEquals(url.toString(), config.getString("Global.pretrained_model"), "the given config is unchanged");
        Config path = Config.empty().set("Arch.name", "ResNet18").set("Arch.pretrained", true)
                .set("Global.pretrained_model", "output/ResNet18/best_model");
        assertSame(path, PretrainedSource.resolve(path, cache(), DownloadListener.NONE), "a local path stays");
    }

    @Test
    void archPretrainedAsksForThePublishedPaddleClasFile() {
        Config config = Config.empty().set("Arch.name", "ResNet50_vd_ssld").set("Arch.pretrained", true);
        WeightCache offline = new WeightCache(dir.resolve("weights"), true);
        JclasException e = assertThrows(JclasException.class,
                () -> PretrainedSource.resolve(config, offline, DownloadListener.NONE));
        String url = "https://paddle-imagenet-models-name.bj.bcebos.com/dygraph/legendary_models/"
                + "ResNet50_vd_ssld_pretrained.pdparams";
        assertTrue(e.getMessage().contains(url) && e.getMessage().contains(
                dir.resolve("weights/ResNet50_vd_ssld_pretrained.pdparams").toString()), e.getMessage());
        Config off = Config.empty().set("Arch.name", "ResNet18").set("Arch.pretrained", false);
        assertSame(off, PretrainedSource.resolve(off, offline, DownloadListener.NONE));
    }
}
