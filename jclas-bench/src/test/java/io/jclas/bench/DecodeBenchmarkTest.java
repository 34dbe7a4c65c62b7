package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.data.ImageDecoding;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoding anchor on a tiny setting: figures are positive, the ratio is what it says, no OpenCV is a message. */
class DecodeBenchmarkTest {
    private static final List<String> MODEL = List.of("ShuffleNetV2_x0_25");

    @Test
    void withoutOpenCvTheEndToEndRatioIsOverRawOrt(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        DecodeBenchmark.Result r = DecodeBenchmark.run(MODEL, 1, 3, null, dir.resolve("absent.jar"), lines::add);
        assertNull(r.opencv());
        assertTrue(lines.get(0).startsWith("decoding anchor skipped: "), lines.toString());
        assertTrue(r.jpegBytes() > 5000 && r.imageioDecodeMs() > 0, r.toString());
        assertTrue(r.jclasDecodePreprocessMs() > 0 && Double.isNaN(r.opencvDecodeResizeMs()), r.toString());
        assertTrue(r.preprocessMs() > 0 && r.preprocessMs() < r.jclasDecodePreprocessMs() * 10, r.toString());
        assertTrue(r.decoder().startsWith("ImageIO"), r.decoder());
        assertTrue(Double.isNaN(r.jclasOpenCvDecodePreprocessMs()), r.toString());
        DecodeBenchmark.EndToEnd e = r.models().get(0);
        assertTrue(e.jclasMs() > 0 && e.rawOrtMs() > 0 && Double.isNaN(e.jclasOpenCvMs()), e.toString());
        assertEquals(e.jclasMs() / e.rawOrtMs(), e.ratio(), 1e-12);
    }

    @Test
    void openCvDecodesResizesAndCropsThePhoto() {
        Path jar = DecodeBenchmark.localMavenJar();
        Assumptions.assumeTrue(jar != null, "org.openpnp:opencv is not in the local Maven repository");
        OpenCvDecoder cv = OpenCvDecoder.load(jar);
        assertTrue(cv.version().startsWith("4."), cv.version());
        byte[] jpeg = SyntheticPhotos.encode(SyntheticPhotos.images(1).get(0), "jpg");
        assertEquals(224, cv.decodeResizeCrop(jpeg, 256, 224));
        assertEquals(SyntheticPhotos.HEIGHT, cv.decode(jpeg));
        BufferedImage jclas = ImageDecoding.decode(jpeg, ImageDecoding.DEFAULT_MAX_PIXELS, cv.library());
        assertEquals(SyntheticPhotos.HEIGHT, jclas.getHeight());
        assertThrows(IllegalStateException.class, () -> cv.decodeResizeCrop(new byte[] {1, 2, 3}, 256, 224));
    }

    @Test
    void noIterationsIsAUserError() {
        JclasException e = assertThrows(JclasException.class, () -> DecodeBenchmark.run(MODEL, 0, 0, null, null, l -> {}));
        assertTrue(e.getMessage().startsWith("iterations must be at least 1"), e.getMessage());
    }
}
