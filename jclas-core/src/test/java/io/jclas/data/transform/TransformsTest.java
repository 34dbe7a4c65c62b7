package io.jclas.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.Image;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Golden values computed by hand on tiny images. */
class TransformsTest {
    static Image gray(int h, int w, float... v) {
        return new Image(v, h, w, 1);
    }

    static Image ramp(int h, int w, int c) {
        float[] v = new float[h * w * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return new Image(v, h, w, c);
    }

    static Transforms ops(String yaml) {
        return Transforms.fromConfig(Config.fromYaml("ops:\n" + yaml).getList("ops"));
    }

    @Test
    void bilinearUpscaleUsesHalfPixelCentres() {
        // 2x2 -> 4x4: source columns sampled at -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
        Image out = ResizeImage.toSize(4, 4).apply(gray(2, 2, 0, 40, 80, 120), null);
        assertArrayEquals(new float[] {
            0, 10, 30, 40,
            20, 30, 50, 60,
            60, 70, 90, 100,
            80, 90, 110, 120}, out.pixels(), 1e-5f);
    }

    @Test
    void bilinearDownscaleAveragesPairs() {
        // 4x4 ramp 0..15 -> 2x2: samples at 0.5 and 2.5 in both axes.
        Image out = ResizeImage.toSize(2, 2).apply(ramp(4, 4, 1), null);
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, out.pixels(), 1e-5f);
    }

    @Test
    void bilinearKeepsChannelsApart() {
        // 1x2 RGB -> 1x4 (x samples -0.25, 0.25, 0.75, 1.25).
        Image img = new Image(new float[] {0, 100, 200, 40, 100, 0}, 1, 2, 3);
        Image out = ResizeImage.toSize(4, 1).apply(img, null);
        assertArrayEquals(new float[] {0, 100, 200, 10, 100, 150, 30, 100, 50, 40, 100, 0}, out.pixels(), 1e-5f);
    }

    @Test
    void resizeShortRoundsHalfToEvenAsPython() {
        // h=2, w=5, resize_short=1: scale 0.5, w = round(2.5) = 2 in Python (not 3).
        Image out = ops("- ResizeImage: {resize_short: 1}\n").apply(ramp(2, 5, 1), null);
        assertEquals(1, out.h());
        assertEquals(2, out.w());
        // h=4, w=6, resize_short=2: 2x3
        Image o2 = ops("- ResizeImage: {resize_short: 2}\n").apply(ramp(4, 6, 3), null);
        assertEquals(List.of(2, 3, 3), List.of(o2.h(), o2.w(), o2.c()));
        Image o3 = ops("- ResizeImage: {size: [6, 2]}\n").apply(ramp(4, 4, 1), null);
        assertEquals(List.of(2, 6), List.of(o3.h(), o3.w()));
    }

    @Test
    void centerCropUsesFloorOffsets() {
        // w=5, h=4, crop 2: x offset (5-2)//2 = 1, y offset (4-2)//2 = 1.
        Image out = ops("- CropImage: {size: 2}\n").apply(ramp(4, 5, 1), null);
        assertArrayEquals(new float[] {6, 7, 11, 12}, out.pixels());
        JclasException e = assertThrows(JclasException.class,
                () -> ops("- CropImage: {size: 9}\n").apply(ramp(4, 5, 1), null));
        assertEquals("CropImage of 9x9 on an image of 5x4", e.getMessage());
    }

    @Test
    void normalizeMatchesPaddleFormula() {
        Image img = new Image(new float[] {255, 0, 127.5f}, 1, 1, 3);
        Image out = ops("- NormalizeImage: {scale: 1.0/255.0, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], order: ''}\n")
                .apply(img, null);
        assertArrayEquals(new float[] {(1 - 0.485f) / 0.229f, -0.456f / 0.224f, (0.5f - 0.406f) / 0.225f}, out.pixels(), 1e-6f);
        assertEquals(2.2489083f, out.pixels()[0], 1e-6f);
        Image g = ops("- NormalizeImage: {scale: 0.00392156862745098, mean: [0.5], std: [0.5]}\n").apply(gray(1, 2, 0, 255), null);
        assertArrayEquals(new float[] {-1, 1}, g.pixels(), 1e-6f);
        JclasException e = assertThrows(JclasException.class, () -> ops("- NormalizeImage:\n").apply(gray(1, 1, 3), null));
        assertEquals("NormalizeImage has 3 mean values for a 1-channel image", e.getMessage());
    }

    @Test
    void fullEvalChainGolden() {
        // 2x4 gray -> resize_short 1 -> 1x2 (samples x 0.5 and 2.5, y 0.5) -> crop 1 -> (v/255 - 0.5)/0.5
        Image img = gray(2, 4, 0, 10, 20, 30, 40, 50, 60, 70);
        Transforms t = ops("- DecodeImage: {channels: 1}\n- ResizeImage: {resize_short: 1}\n- CropImage: {size: 1}\n"
                + "- NormalizeImage: {scale: 1.0/255.0, mean: [0.5], std: [0.5]}\n- ToCHWImage:\n");
        Image out = t.apply(img, null);
        // (x=0 crop offset (2-1)//2 = 0): value at (0.5, 0.5) = (0+10+40+50)/4 = 25
        assertEquals(1, out.pixels().length);
        assertEquals((25f / 255f - 0.5f) / 0.5f, out.pixels()[0], 1e-6f);
        assertTrue(out.chw());
    }

    @Test
    void decodeImageConvertsChannels() {
        Image g = gray(1, 2, 10, 200);
        Image rgb = new DecodeImage(true, false, 3).apply(g, null);
        assertArrayEquals(new float[] {10, 10, 10, 200, 200, 200}, rgb.pixels());
        Image back = new DecodeImage(true, false, 1).apply(new Image(new float[] {255, 0, 0, 0, 0, 255}, 1, 2, 3), null);
        assertArrayEquals(new float[] {76, 29}, back.pixels()); // round(0.299*255), round(0.114*255)
        Image bgr = new DecodeImage(false, false, 3).apply(new Image(new float[] {1, 2, 3}, 1, 1, 3), null);
        assertArrayEquals(new float[] {3, 2, 1}, bgr.pixels());
        Image chw = ops("- DecodeImage: {channel_first: true}\n").apply(new Image(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3), null);
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, chw.pixels());
    }

    @Test
    void flipCodesMatchCv2() {
        Image img = ramp(2, 3, 1); // 0 1 2 / 3 4 5
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3}, RandFlipImage.flip(img, 1).pixels());
        assertArrayEquals(new float[] {3, 4, 5, 0, 1, 2}, RandFlipImage.flip(img, 0).pixels());
        assertArrayEquals(new float[] {5, 4, 3, 2, 1, 0}, RandFlipImage.flip(img, -1).pixels());
        Image rgb = new Image(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        assertArrayEquals(new float[] {4, 5, 6, 1, 2, 3}, RandFlipImage.flip(rgb, 1).pixels());
        // about half of the draws flip
        RandFlipImage op = new RandFlipImage(1);
        SplittableRandom rng = new SplittableRandom(1);
        int flipped = 0;
        for (int i = 0; i < 1000; i++) {
            if (op.apply(img, rng) != img) {
                flipped++;
            }
        }
        assertTrue(flipped > 430 && flipped < 570, "flipped " + flipped);
    }

    @Test
    void randCropStaysInsideAndFallsBackToCentre() {
        RandCropImage op = (RandCropImage) ops("- RandCropImage: {size: 4}\n").ops().get(0);
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            int[] b = op.box(50, 30, rng);
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] > 0 && b[3] > 0 && b[0] + b[2] <= 50 && b[1] + b[3] <= 30);
            double area = (double) b[2] * b[3] / (50 * 30);
            assertTrue(area > 0.06 && area <= 1.0, "area " + area);
        }
        // scale 1 and ratio 1 on 8x4 never fits (6x6 > 4 rows): centre fallback w = h*max ratio = 4, x = (8-4)//2
        RandCropImage fixed = (RandCropImage) ops("- RandCropImage: {size: 4, scale: [1, 1], ratio: [1, 1]}\n").ops().get(0);
        assertArrayEquals(new int[] {2, 0, 4, 4}, fixed.box(8, 4, new SplittableRandom(1)));
        Image out = fixed.apply(ramp(4, 8, 1), new SplittableRandom(1));
        assertArrayEquals(CropImage.crop(ramp(4, 8, 1), 2, 0, 4, 4).pixels(), out.pixels());
    }

    @Test
    void mixupTargetsMatchLambda() {
        io.jclas.data.Batch b = batch();
        io.jclas.data.Batch m = MixupOperator.mix(b, 3, 0.3, new int[] {1, 0});
        assertArrayEquals(new float[] {0.3f, 0.7f, 0, 0.7f, 0.3f, 0}, m.softTargets(), 1e-6f);
        assertEquals(0.3f * 1 + 0.7f * 10, m.images()[0], 1e-5f);
        // random lambda: rows sum to 1; lambda read back from the targets explains the pixels
        io.jclas.data.Batch r = new MixupOperator(0.2).apply(b, 3, new SplittableRandom(3));
        for (int i = 0; i < 2; i++) {
            assertEquals(1f, r.softTargets()[i * 3] + r.softTargets()[i * 3 + 1] + r.softTargets()[i * 3 + 2], 1e-6f);
        }
        float lam0 = r.softTargets()[0]; // sample 0 has label 0, sample 1 label 1
        float expected = r.softTargets()[1] == 0 ? b.images()[0] : lam0 * b.images()[0] + (1 - lam0) * b.images()[4];
        assertEquals(expected, r.images()[0], 1e-4f);
    }

    @Test
    void cutmixTargetsMatchPastedArea() {
        io.jclas.data.Batch b = batch();
        io.jclas.data.Batch c = CutmixOperator.paste(b, 3, new int[] {1, 0}, 0, 0, 1, 1);
        // 1 of 4 pixels pasted: lambda = 0.75
        assertArrayEquals(new float[] {0.75f, 0.25f, 0, 0.25f, 0.75f, 0}, c.softTargets(), 1e-6f);
        assertArrayEquals(new float[] {10, 2, 3, 4, 1, 20, 30, 40}, c.images());
        for (int seed = 0; seed < 20; seed++) {
            io.jclas.data.Batch r = new CutmixOperator(1.0).apply(b, 3, new SplittableRandom(seed));
            int changed = 0;
            for (int k = 0; k < 4; k++) {
                changed += r.images()[k] != b.images()[k] ? 1 : 0;
            }
            float lam = r.softTargets()[0];
            assertEquals(1f, lam + r.softTargets()[1], 1e-6f);
            assertEquals(1 - changed / 4f, lam, 1e-6f, "seed " + seed);
        }
    }

    /** Two 1x2x2 images (1 2 3 4 and 10 20 30 40) with labels 0 and 1. */
    private static io.jclas.data.Batch batch() {
        return new io.jclas.data.Batch(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 2, 1, 2, 2, new int[] {0, 1}, null);
    }

    @Test
    void betaHasTheRightMean() {
        SplittableRandom rng = new SplittableRandom(11);
        double sum = 0;
        double sumSq = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double x = Beta.sample(rng, 0.2);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(0.5, mean, 0.02);
        // Beta(a, a) variance: 1 / (4 (2a + 1)) = 0.1786 for a = 0.2
        assertEquals(1 / (4 * 1.4), var, 0.01);
    }

    @Test
    void pilLutOpsGolden() {
        int[] px = {0, 50, 100, 200, 255, 127};
        assertArrayEquals(new int[] {255, 205, 155, 55, 0, 128}, PilOp.INVERT.apply(px, 1, 6, 1, 0, null));
        assertArrayEquals(new int[] {0, 50, 100, 55, 0, 127}, PilOp.SOLARIZE.apply(px, 1, 6, 1, 128, null));
        assertArrayEquals(new int[] {0, 48, 96, 192, 240, 112}, PilOp.POSTERIZE.apply(px, 1, 6, 1, 4, null));
        // autocontrast: lo 50, hi 200 -> (v - 50) * 255 / 150, truncated
        assertArrayEquals(new int[] {0, 85, 255, 170}, PilOp.AUTOCONTRAST.apply(new int[] {50, 100, 200, 150}, 1, 4, 1, 0, null));
        // equalize: 4 values once each: step = (4 - 1) // 255 = 0 -> unchanged
        assertArrayEquals(new int[] {1, 2, 3, 4}, PilOp.EQUALIZE.apply(new int[] {1, 2, 3, 4}, 1, 4, 1, 0, null));
        // brightness factor 1 + 0.5 * sign: either 1.5x or 0.5x, truncated and clipped
        int[] bright = PilOp.BRIGHTNESS.apply(new int[] {100, 200}, 1, 2, 1, 0.5, new SplittableRandom(0));
        assertTrue(java.util.Arrays.equals(bright, new int[] {150, 255}) || java.util.Arrays.equals(bright, new int[] {50, 100}));
    }

    @Test
    void equalizeSpreadsHistogram() {
        int[] px = new int[512];
        for (int i = 0; i < px.length; i++) {
            px[i] = i < 256 ? 10 : 20; // two values, 256 each: step = (512 - 256) // 255 = 1
        }
        int[] out = PilOp.EQUALIZE.apply(px, 1, 512, 1, 0, null);
        // lut[10] = (step//2 + count(<10)) // step = 0, lut[20] = 0 + 256 = 256 -> clipped 255
        assertEquals(0, out[0]);
        assertEquals(255, out[511]);
    }

    @Test
    void geometricOpsFillWithGrey() {
        int[] px = new int[16];
        java.util.Arrays.fill(px, 7);
        int[] rot = PilOp.ROTATE.apply(px, 4, 4, 1, 45, null);
        assertEquals(128, rot[0], "corner leaves the image and is filled");
        assertEquals(7, rot[5], "centre stays");
        // translate by 150/331 * 4 = 1.8 px with a random sign: one edge column becomes fill
        int[] t = PilOp.TRANSLATE_X.apply(px, 4, 4, 1, 150.0 / 331, new SplittableRandom(2));
        assertTrue(t[0] == 128 || t[3] == 128);
        assertSame(px.length, PilOp.SHEAR_X.apply(px, 4, 4, 1, 0.3, new SplittableRandom(2)).length);
        assertArrayEquals(px, PilOp.SHEAR_X.apply(px, 4, 4, 1, 0.0, new SplittableRandom(2)), "zero shear is identity");
    }

    @Test
    void autoAndRandAugmentAreDeterministicPerSeed() {
        Image img = ramp(8, 8, 3);
        Transforms t = ops("- AutoAugment:\n- RandAugment: {num_layers: 2, magnitude: 9}\n");
        Image a = t.apply(img, new SplittableRandom(5));
        Image b = t.apply(img, new SplittableRandom(5));
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(List.of(8, 8, 3), List.of(a.h(), a.w(), a.c()));
        for (float v : a.pixels()) {
            assertTrue(v >= 0 && v <= 255 && v == Math.rint(v));
        }
        boolean anyChange = false;
        for (int s = 0; s < 10 && !anyChange; s++) {
            anyChange = !java.util.Arrays.equals(img.pixels(), t.apply(img, new SplittableRandom(s)).pixels());
        }
        assertTrue(anyChange);
        assertEquals(25, AutoAugment.size());
        assertEquals(4.0, AutoAugment.magnitude(PilOp.POSTERIZE, 8), 0); // round(linspace(8, 4, 10))[8] = round(4.44)
        assertEquals(256 - 256.0 * 5 / 9, AutoAugment.magnitude(PilOp.SOLARIZE, 5), 1e-9);
    }

    @Test
    void randomErasingFillsOneBox() {
        Transforms t = ops("- RandomErasing: {EPSILON: 1.0, sl: 0.1, sh: 0.3, r1: 0.5, mean: [-9, -9, -9]}\n");
        Image img = ramp(10, 10, 3);
        Image out = t.apply(img, new SplittableRandom(4));
        int erased = 0;
        for (float v : out.pixels()) {
            erased += v == -9 ? 1 : 0;
        }
        assertTrue(erased >= 0.05 * 300 && erased <= 0.35 * 300, "erased " + erased);
        assertEquals(0, erased % 3);
        Image none = ops("- RandomErasing: {EPSILON: 0.0}\n").apply(img, new SplittableRandom(4));
        assertSame(img, none);
    }

    @Test
    void opErrorsNameOpAndSetting() {
        JclasException u = assertThrows(JclasException.class, () -> ops("- ResizeImg: {size: 3}\n"));
        assertEquals("unknown op 'ResizeImg' in transform_ops", u.getMessage());
        assertEquals("did you mean ResizeImage?", u.getHint());
        JclasException s = assertThrows(JclasException.class, () -> ops("- CropImage: {size: 3, sise: 4}\n"));
        assertEquals("unknown setting 'sise' of CropImage", s.getMessage());
        JclasException n = assertThrows(JclasException.class, () -> ops("- ToCHWImage: {x: 1}\n"));
        assertEquals("ToCHWImage takes no settings", n.getHint());
        JclasException both = assertThrows(JclasException.class, () -> ops("- ResizeImage: {size: 3, resize_short: 4}\n"));
        assertEquals("ResizeImage needs exactly one of size and resize_short", both.getMessage());
        JclasException f = assertThrows(JclasException.class, () -> ops("- RandFlipImage: {flip_code: 2}\n"));
        assertEquals("RandFlipImage.flip_code is '2', expected 1 (horizontal), 0 (vertical) or -1 (both)", f.getMessage());
        JclasException sc = assertThrows(JclasException.class, () -> ops("- NormalizeImage: {scale: one/255}\n"));
        assertEquals("NormalizeImage.scale is 'one/255', expected a number or a quotient like 1.0/255.0", sc.getMessage());
        assertNotEquals(0, Transforms.imageOpNames().size());
    }
}
