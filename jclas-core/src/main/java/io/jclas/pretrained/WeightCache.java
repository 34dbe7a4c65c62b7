package io.jclas.pretrained;

import io.jclas.JclasException;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The download cache of published weights: {@code $JCLAS_HOME/weights} (default {@code
 * ~/.jclas/weights}), one file per URL under the URL's file name, next to it {@code <file>.sha256}.
 *
 * <ul>
 *   <li>A download goes to a temporary file that is renamed into place only when complete, so an
 *       interrupted one leaves nothing behind.
 *   <li>The file's sha256 is recorded at its first download (or first use, for a file put there by
 *       hand) and checked on every later use; torchvision's file names carry the first hex digits of
 *       their sha256, which are checked too.
 *   <li>With {@code -Dai.djl.offline=true} (the launcher's default) nothing is downloaded: a missing
 *       file fails with one line naming the URL and where to put the file.
 * </ul>
 */
public final class WeightCache {
    public static final String HOME_ENV = "JCLAS_HOME";
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";
    private static final String RECORD_SUFFIX = ".sha256";
    /** torch.hub's rule: a file name "name-<hex>.ext" carries the first hex digits of its sha256. */
    private static final Pattern HASH_IN_NAME = Pattern.compile("-([0-9a-f]{8,64})\\.[a-z]+$");
    private static final int CHUNK = 1 << 16;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final boolean offline;

    /** A cache in {@code dir}; {@code offline} refuses every download. */
    public WeightCache(Path dir, boolean offline) {
        this.dir = dir;
        this.offline = offline;
    }

    /** The user's cache, offline when {@code -Dai.djl.offline=true}. */
    public static WeightCache standard() {
        String home = System.getenv(HOME_ENV);
        Path root = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".jclas") : Path.of(home);
        return new WeightCache(root.resolve("weights"), Boolean.getBoolean(OFFLINE_PROPERTY));
    }

    public Path dir() {
        return dir;
    }

    /** Where the file of {@code url} lives in this cache. */
    public Path pathOf(URI url) {
        String path = url.getPath();
        return dir.resolve(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The local copy of {@code url}: downloaded the first time, checked against its recorded sha256 after. */
    public Path fetch(URI url, DownloadListener listener) {
        Path file = pathOf(url);
        if (Files.isRegularFile(file)) {
            check(url, file, sha256(file));
            return file;
        }
        if (offline) {
            throw new JclasException("cannot download " + url + " offline (-D" + OFFLINE_PROPERTY
                    + "=true); put the file at " + file,
                    "download it on a machine with network access, or run with JCLAS_JAVA_OPTS=-D"
                            + OFFLINE_PROPERTY + "=false");
        }
        String sha256 = download(url, file, listener);
        listener.finished(file, sha256);
        return file;
    }

    private String download(URI url, Path file, DownloadListener listener) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String[] digest = new String[1];
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new JclasException("cannot download " + url + ": HTTP " + response.statusCode(),
                            "check the URL, or download the file yourself and put it at " + file);
                }
                long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                listener.started(url, file, total);
                AtomicFiles.write(file, out -> digest[0] = copy(body, out, total, listener, url));
            }
        } catch (IOException | UncheckedIOException e) {
            // AtomicFiles reports the writer's failure as "cannot write <file>": the cause is the download's
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new JclasException("download of " + url + " failed, nothing was written: " + cause.getMessage(),
                    "run the command again, or download the file yourself and put it at " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JclasException("download of " + url + " was interrupted, nothing was written",
                    "run the command again", e);
        }
        AtomicFiles.writeString(recordOf(file), digest[0] + "  " + file.getFileName() + "\n");
        return digest[0];
    }

    /** Copies the body, reporting progress; fails (so nothing is kept) on a short body or a wrong hash. */
    private static String copy(InputStream body, OutputStream out, long total, DownloadListener listener,
            URI url) throws IOException {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[CHUNK];
        long bytes = 0;
        try (DigestInputStream in = new DigestInputStream(body, md)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                bytes += n;
                listener.progress(bytes, total);
            }
        } catch (IOException e) {
            throw new IOException(brokeAfter(bytes, total) + " (" + e.getMessage() + ")", e);
        }
        if (total >= 0 && bytes != total) {
            throw new IOException(brokeAfter(bytes, total));
        }
        String sha256 = HexFormat.of().formatHex(md.digest());
        String published = publishedPrefix(url);
        if (published != null && !sha256.startsWith(published)) {
            throw new IOException("its sha256 " + sha256 + " does not start with " + published + " as its name says");
        }
        return sha256;
    }

    private static String brokeAfter(long bytes, long total) {
        return "the connection closed after " + bytes + (total >= 0 ? " of " + total : "") + " bytes";
    }

    /** A cached file against its record; without one (a file put there by hand) the record is made now. */
    private void check(URI url, Path file, String sha256) {
        Path record = recordOf(file);
        String published = publishedPrefix(url);
        if (published != null && !sha256.startsWith(published)) {
            throw new JclasException("weights file " + file + " has sha256 " + sha256 + ", not the "
                    + published + "... its name promises", "delete it and download " + url + " again");
        }
        if (!Files.isRegularFile(record)) {
            AtomicFiles.writeString(record, sha256 + "  " + file.getFileName() + "\n");
            return;
        }
        String recorded = readRecord(record);
        if (!recorded.equals(sha256)) {
            throw new JclasException("weights file " + file + " has changed since its download: sha256 "
                    + sha256 + ", recorded " + recorded + " in " + record,
                    "delete " + file + " and " + record.getFileName() + " to download it again");
        }
    }

    private static Path recordOf(Path file) {
        return file.resolveSibling(file.getFileName() + RECORD_SUFFIX);
    }

    private static String readRecord(Path record) {
        try {
            String text = Files.readString(record, StandardCharsets.UTF_8).trim();
            int space = text.indexOf(' ');
            return space < 0 ? text : text.substring(0, space);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record, e);
        }
    }

    private static String publishedPrefix(URI url) {
        Matcher m = HASH_IN_NAME.matcher(url.getPath());
        return m.find() ? m.group(1) : null;
    }

    /** The sha256 of a file, in hex. */
    public static String sha256(Path file) {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            while (in.read(buffer) >= 0) {
                // the digest stream hashes what passes through
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
