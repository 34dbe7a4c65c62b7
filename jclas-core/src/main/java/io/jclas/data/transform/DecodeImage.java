package io.jclas.data.transform;

import io.jclas.data.Image;
import io.jclas.data.ImageDecoding;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code DecodeImage}: brings a decoded image to the channel count the model wants.
 * Datasets decode files themselves (keeping 1 channel for grayscale files), so this op converts:
 * gray to RGB by copying, RGB to gray by the luma weights of cv2 (0.299, 0.587, 0.114).
 * Settings: {@code to_rgb} (default true; false gives BGR order as cv2 does), {@code channel_first}
 * (default false), and jclas's {@code channels} (3 default, or 1).
 */
public final class DecodeImage implements ImageOp {
    private final boolean toRgb;
    private final boolean channelFirst;
    private final int channels;

    public DecodeImage(OpParams p) {
        this(p.getBool("to_rgb", true), p.getBool("channel_first", false), p.getInt("channels", 3));
        if (channels != 1 && channels != 3) {
            throw p.bad("channels", "1 or 3", channels);
        }
    }

    public DecodeImage(boolean toRgb, boolean channelFirst, int channels) {
        this.toRgb = toRgb;
        this.channelFirst = channelFirst;
        this.channels = channels;
    }

    /** Decodes a Java image (any type, see {@link ImageDecoding#toImage}) and converts it. */
    public Image decode(BufferedImage img) {
        return apply(ImageDecoding.toImage(img), null);
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        img.requireHwc("DecodeImage");
        Image out = convert(img);
        return channelFirst ? ToCHWImage.transpose(out) : out;
    }

    private Image convert(Image img) {
        int n = img.h() * img.w();
        float[] src = img.pixels();
        if (img.c() == channels) {
            if (channels == 1 || toRgb) {
                return img;
            }
            float[] bgr = new float[src.length];
            for (int i = 0; i < n; i++) {
                bgr[3 * i] = src[3 * i + 2];
                bgr[3 * i + 1] = src[3 * i + 1];
                bgr[3 * i + 2] = src[3 * i];
            }
            return new Image(bgr, img.h(), img.w(), 3);
        }
        requireOneOrThree(img.c());
        float[] out = new float[n * channels];
        convert(src, 0, out, 0, channels, n);
        return new Image(out, img.h(), img.w(), channels);
    }

    static void requireOneOrThree(int c) {
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("DecodeImage expects 1 or 3 channels, got " + c);
        }
    }

    /**
     * Converts {@code n} pixels to the other channel count ({@code channels} is the target, 1 or 3): grey is
     * copied to R, G and B; RGB becomes grey by cv2's luma weights, rounded.
     */
    static void convert(float[] src, int from, float[] dst, int to, int channels, int n) {
        if (channels == 3) {
            for (int i = 0; i < n; i++) {
                float v = src[from + i];
                dst[to + 3 * i] = v;
                dst[to + 3 * i + 1] = v;
                dst[to + 3 * i + 2] = v;
            }
            return;
        }
        for (int i = 0, p = from; i < n; i++, p += 3) {
            dst[to + i] = Math.round(0.299f * src[p] + 0.587f * src[p + 1] + 0.114f * src[p + 2]);
        }
    }

    public int channels() {
        return channels;
    }

    /** True when the op also transposes to CHW. */
    public boolean channelFirst() {
        return channelFirst;
    }

    /** False when the op keeps cv2's BGR order. */
    public boolean toRgb() {
        return toRgb;
    }
}
