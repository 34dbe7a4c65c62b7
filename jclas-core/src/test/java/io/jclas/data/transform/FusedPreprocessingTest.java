package io.jclas.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.Image;
import io.jclas.data.ImageDecoding;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The one-pass chain gives the op-by-op chain's floats bit for bit, whatever the image and the ops. */
class FusedPreprocessingTest {
    private static final int[] TYPES = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY};

    private static Preprocessing ops(String yaml, int channels) {
        return Preprocessing.fromTransformOps(Config.fromYaml("ops: " + yaml + "\n").getList("ops"),
                new int[] {channels, 0, 0}, "ops");
    }

    /** What the chain gives op by op, from the float pixels of the whole image. */
    private static float[] opByOp(Preprocessing p, BufferedImage img) {
        return p.transforms().applyEach(ImageDecoding.toImage(img), null).toChw();
    }

    private static BufferedImage noise(int type, int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        WritableRaster r = img.getRaster();
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < r.getNumBands(); b++) {
                    r.setSample(x, y, b, random.nextInt(1 << r.getSampleModel().getSampleSize(b)));
                }
            }
        }
        return img;
    }

    private static void assertSame(Preprocessing p, BufferedImage img, String what) {
        float[] expected = opByOp(p, img);
        assertArrayEquals(expected, p.toTensor(img), what + " from the Java image");
        Image floats = ImageDecoding.toImage(img);
        assertArrayEquals(expected, p.transforms().apply(floats, null).pixels(), what + " from float pixels");
    }

    @Test
    void theImageNetChainIsBitForBitTheOpsOnEveryImageType() {
        Preprocessing imagenet = Preprocessing.centerCrop(3, 256, 224, InputDefaults.IMAGENET.mean(),
                InputDefaults.IMAGENET.std());
        assertNotNull(imagenet.transforms().fused());
        int[][] sizes = {{500, 375}, {375, 500}, {257, 301}, {256, 256}, {224, 224}, {231, 1000}};
        for (int type : TYPES) {
            for (int[] s : sizes) {
                assertSame(imagenet, noise(type, s[0], s[1], type * 31L + s[0]), "type " + type + " " + s[0] + "x" + s[1]);
            }
        }
    }

    @Test
    void smallOddAndBorderCropsAndGrayModels() {
        Preprocessing gray = Preprocessing.centerCrop(1, 8, 7, new float[] {0.5f}, new float[] {0.25f});
        Preprocessing rgb = Preprocessing.centerCrop(3, 8, 8, new float[] {0.4f, 0.5f, 0.6f}, new float[] {0.2f, 0.3f, 0.4f});
        int[][] sizes = {{9, 13}, {8, 8}, {7, 15}, {3, 5}, {1, 1}, {1, 9}, {17, 8}};
        for (int type : TYPES) {
            for (int[] s : sizes) {
                BufferedImage img = noise(type, s[0], s[1], s[0] * 7L + s[1]);
                assertSame(gray, img, "gray model, type " + type + " " + s[0] + "x" + s[1]);
                assertSame(rgb, img, "rgb model, type " + type + " " + s[0] + "x" + s[1]);
            }
        }
    }

    @Test
    void everyOptionalOpMayBeLeftOut() {
        List<Preprocessing> chains = List.of(
                ops("[{ResizeImage: {size: 12}}, {NormalizeImage: {mean: [0.5], std: [0.5]}}]", 1),
                ops("[{CropImage: {size: 6}}]", 3),
                ops("[{ResizeImage: {size: 11}}]", 3),
                ops("[{ResizeImage: {resize_short: 10}}, {CropImage: {size: 9}}]", 3));
        for (Preprocessing p : chains) {
            assertNotNull(p.transforms().fused(), p.toString());
            for (int type : TYPES) {
                assertSame(p, noise(type, 13, 7, type), p + " on type " + type);
            }
        }
    }

    @Test
    void encodedFilesAndPalettesTooAsImageIoDecodesThem() throws IOException {
        Preprocessing p = Preprocessing.centerCrop(3, 32, 28, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std());
        for (String format : List.of("png", "jpg", "bmp")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(noise(BufferedImage.TYPE_3BYTE_BGR, 45, 37, 5), format, out);
            assertSame(p, ImageDecoding.decode(out.toByteArray()), format);
        }
        byte[] levels = new byte[256];
        for (int i = 0; i < 256; i++) {
            levels[i] = (byte) (255 - i);
        }
        BufferedImage palette = new BufferedImage(40, 33, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, levels, levels, levels));
        palette.getRaster().setRect(noise(BufferedImage.TYPE_BYTE_GRAY, 40, 33, 9).getRaster());
        assertSame(p, palette, "grey palette");
    }

    @Test
    void otherOrdersRunOpByOpAndErrorsStayTheOps() {
        assertNull(ops("[{NormalizeImage: {mean: [0.5], std: [0.5]}}, {ResizeImage: {size: 8}}]", 1).transforms().fused());
        assertNull(ops("[{ResizeImage: {size: 16}}, {CropImage: {size: 12}}, {CropImage: {size: 8}}]", 1)
                .transforms().fused());
        Preprocessing p = Preprocessing.centerCrop(3, 8, 8, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std());
        Preprocessing crop = ops("[{CropImage: {size: 6}}]", 3);
        JclasException e = assertThrows(JclasException.class, () -> crop.toTensor(noise(BufferedImage.TYPE_3BYTE_BGR, 5, 9, 1)));
        assertEquals("CropImage of 6x6 on an image of 5x9", e.getMessage());
        assertEquals(3 * 8 * 8, p.toTensor(noise(BufferedImage.TYPE_BYTE_GRAY, 5, 9, 1)).length);
    }
}
