package io.jclas.cli;

import io.jclas.pretrained.DownloadListener;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** A weight download on stderr: the URL and target, a progress bar in MiB, the sha256 at the end. */
final class ConsoleDownload implements DownloadListener {
    private static final double MIB = 1 << 20;

    private final PrintWriter err;
    private final ProgressBar bar;

    ConsoleDownload(PrintWriter err) {
        this.err = err;
        this.bar = new ProgressBar(err, ProgressBar.interactive());
    }

    @Override
    public void started(URI url, Path target, long totalBytes) {
        err.println("downloading " + url);
        err.println("         to " + target);
        err.flush();
    }

    @Override
    public void progress(long bytes, long totalBytes) {
        bar.update("weights", (long) (bytes / MIB), totalBytes < 0 ? -1 : (long) Math.ceil(totalBytes / MIB), "MiB");
    }

    @Override
    public void finished(Path file, String sha256) {
        bar.finish();
        err.println(String.format(Locale.ROOT, "sha256 %s recorded in %s.sha256", sha256, file.getFileName()));
        err.flush();
    }
}
