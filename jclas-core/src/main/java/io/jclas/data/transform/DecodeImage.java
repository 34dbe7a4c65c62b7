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
        if (img.c() == 1) {
            float[] rgb = new float[n * 3];
            for (int i = 0; i < n; i++) {
                rgb[3 * i] = src[i];
                rgb[3 * i + 1] = src[i];
                rgb[3 * i + 2] = src[i];
            }
            return new Image(rgb, img.h(), img.w(), 3);
        }
        if (img.c() != 3) {
            throw new IllegalArgumentException("DecodeImage expects 1 or 3 channels, got " + img.c());
        }
        float[] gray = new float[n];
        for (int i = 0; i < n; i++) {
            gray[i] = Math.round(0.299f * src[3 * i] + 0.587f * src[3 * i + 1] + 0.114f * src[3 * i + 2]);
        }
        return new Image(gray, img.h(), img.w(), 1);
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
