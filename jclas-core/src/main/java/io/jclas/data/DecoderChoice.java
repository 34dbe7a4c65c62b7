package io.jclas.data;

import io.jclas.JclasException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which decoder {@link ImageDecoding} uses for JPEG and PNG, chosen once per JVM by the system property
 * {@code jclas.decoder}: {@code imageio}, {@code opencv} (org.openpnp:opencv must be on the class path) or
 * {@code auto}, the default (OpenCV where its native library loads, else ImageIO). The choice is logged
 * once. Other formats, and JPEG/PNG that OpenCV would read differently, always go to ImageIO.
 */
final class DecoderChoice {
    static final String PROPERTY = "jclas.decoder";
    private static final Logger LOG = LoggerFactory.getLogger(ImageDecoding.class);
    private static volatile DecoderChoice chosen;

    /** OpenCV, or null for ImageIO. */
    final OpenCv opencv;
    final String description;

    private DecoderChoice(OpenCv opencv, String description) {
        this.opencv = opencv;
        this.description = description;
    }

    /** This JVM's choice (made on the first call). */
    static DecoderChoice current() {
        DecoderChoice c = chosen;
        if (c == null) {
            synchronized (DecoderChoice.class) {
                if (chosen == null) {
                    chosen = choose(System.getProperty(PROPERTY, "auto"), DecoderChoice.class.getClassLoader());
                    LOG.info("image decoding: {}", chosen.description);
                }
                c = chosen;
            }
        }
        return c;
    }

    static DecoderChoice choose(String mode, ClassLoader loader) {
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "imageio":
                return new DecoderChoice(null, "ImageIO (-D" + PROPERTY + "=imageio)");
            case "opencv":
                try {
                    return withOpenCv(OpenCv.load(loader));
                } catch (IllegalStateException e) {
                    throw new JclasException("-D" + PROPERTY + "=opencv, but " + e.getMessage(),
                            "put org.openpnp:opencv on the class path, or use -D" + PROPERTY + "=auto");
                }
            case "auto":
                try {
                    return withOpenCv(OpenCv.load(loader));
                } catch (IllegalStateException e) {
                    return new DecoderChoice(null, "ImageIO (" + e.getMessage() + ")");
                }
            default:
                throw new JclasException("-D" + PROPERTY + "=" + mode + " is not a decoder", "use imageio, opencv or auto");
        }
    }

    private static DecoderChoice withOpenCv(OpenCv cv) {
        return new DecoderChoice(cv, "OpenCV " + cv.version() + " for JPEG and PNG, ImageIO for the rest");
    }
}
