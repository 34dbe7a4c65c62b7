package io.jclas.pretrained;

import java.net.URI;
import java.nio.file.Path;

/** Progress of a weight download, for the CLI's progress bar; the library prints nothing. */
public interface DownloadListener {
    DownloadListener NONE = new DownloadListener() {};

    /** A download begins; {@code totalBytes} is -1 when the server does not say. */
    default void started(URI url, Path target, long totalBytes) {}

    /** {@code bytes} of {@code totalBytes} have arrived. */
    default void progress(long bytes, long totalBytes) {}

    /** The file is in place and its sha256 recorded. */
    default void finished(Path file, String sha256) {}
}
