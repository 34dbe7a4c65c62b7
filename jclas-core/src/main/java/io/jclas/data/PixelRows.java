package io.jclas.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * The pixels of a decoded image, row by row, as float samples 0..255 in the image's own channel count:
 * the one place that reads a Java image's storage. Pixel values are those cv2.imdecode would give: 1
 * channel for grayscale images (with or without alpha), RGB otherwise; alpha is dropped without
 * compositing, palettes are expanded, 16-bit samples keep their high byte, samples of fewer than 8 bits
 * are stretched to 0..255, other colour spaces (CMYK JPEG, ...) are converted to sRGB by Java. Grey values
 * are read from the raster, not through getRGB, which would apply a gamma change.
 *
 * <p>Reading a row range instead of the whole image lets the preprocessing touch only the pixels its
 * crop keeps. One instance serves one thread.
 */
public abstract class PixelRows {
    private final int width;
    private final int height;
    private final int channels;

    private PixelRows(int width, int height, int channels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
    }

    /** The rows of a Java image of any type. */
    public static PixelRows of(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        if (cm instanceof IndexColorModel icm) {
            return new Palette(icm, r);
        }
        int type = cm.getColorSpace().getType();
        boolean direct = cm instanceof ComponentColorModel || cm instanceof DirectColorModel;
        if (!direct || (type != ColorSpace.TYPE_GRAY && type != ColorSpace.TYPE_RGB)) {
            return new ViaRgb(img);
        }
        int colors = type == ColorSpace.TYPE_GRAY ? 1 : 3;
        return Bytes.fits(cm, r, colors) ? new Bytes(r, colors) : new Samples(cm, r, colors);
    }

    /** The rows of float pixels (HWC). */
    public static PixelRows of(Image hwc) {
        return new Floats(hwc.requireHwc("DecodeImage"));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** 1 (grayscale) or 3 (RGB). */
    public int channels() {
        return channels;
    }

    /**
     * Writes the samples of pixels {@code x0 .. x0+n-1} of row {@code y}, channels interleaved, to
     * {@code dst} from {@code offset}.
     */
    public abstract void read(int y, int x0, int n, float[] dst, int offset);

    /** Every pixel as an HWC float image. */
    public Image toImage() {
        float[] out = new float[width * height * channels];
        for (int y = 0; y < height; y++) {
            read(y, 0, width, out, y * width * channels);
        }
        return new Image(out, height, width, channels);
    }

    /** 8-bit interleaved samples in one byte array (what ImageIO decodes JPEG and most PNG into): read directly. */
    private static final class Bytes extends PixelRows {
        private final byte[] data;
        private final int origin;
        private final int pixelStride;
        private final int scanlineStride;
        private final int[] bandOffsets;

        Bytes(Raster r, int colors) {
            super(r.getWidth(), r.getHeight(), colors);
            ComponentSampleModel sm = (ComponentSampleModel) r.getSampleModel();
            DataBufferByte buffer = (DataBufferByte) r.getDataBuffer();
            data = buffer.getData();
            pixelStride = sm.getPixelStride();
            scanlineStride = sm.getScanlineStride();
            bandOffsets = sm.getBandOffsets();
            origin = buffer.getOffset() - r.getSampleModelTranslateY() * scanlineStride
                    - r.getSampleModelTranslateX() * pixelStride;
        }

        static boolean fits(ColorModel cm, Raster r, int colors) {
            if (!(r.getSampleModel() instanceof ComponentSampleModel sm) || !(r.getDataBuffer() instanceof DataBufferByte)
                    || r.getDataBuffer().getNumBanks() != 1) {
                return false;
            }
            for (int b = 0; b < colors; b++) {
                if (cm.getComponentSize(b) != 8 || sm.getBankIndices()[b] != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void read(int y, int x0, int n, float[] dst, int offset) {
            int p = origin + y * scanlineStride + x0 * pixelStride;
            if (channels() == 1) {
                int b0 = bandOffsets[0];
                for (int i = 0; i < n; i++, p += pixelStride) {
                    dst[offset + i] = data[p + b0] & 0xff;
                }
                return;
            }
            int r = bandOffsets[0];
            int g = bandOffsets[1];
            int b = bandOffsets[2];
            for (int i = 0, o = offset; i < n; i++, p += pixelStride, o += 3) {
                dst[o] = data[p + r] & 0xff;
                dst[o + 1] = data[p + g] & 0xff;
                dst[o + 2] = data[p + b] & 0xff;
            }
        }
    }

    /** Any other grey or RGB raster (packed ints, 16-bit, fewer than 8 bits): through the raster's samples. */
    private static final class Samples extends PixelRows {
        private final Raster raster;
        private final int[] bits;
        private int[] row = new int[0];

        Samples(ColorModel cm, Raster r, int colors) {
            super(r.getWidth(), r.getHeight(), colors);
            raster = r;
            bits = new int[colors];
            for (int b = 0; b < colors; b++) {
                bits[b] = cm.getComponentSize(b);
            }
        }

        @Override
        public void read(int y, int x0, int n, float[] dst, int offset) {
            int bands = raster.getNumBands();
            if (row.length < n * bands) {
                row = new int[n * bands];
            }
            raster.getPixels(x0, y, n, 1, row);
            int c = channels();
            for (int i = 0, o = offset; i < n; i++) {
                for (int b = 0; b < c; b++) {
                    dst[o++] = to8bit(row[i * bands + b], bits[b]);
                }
            }
        }

        private static float to8bit(int v, int bits) {
            if (bits == 8) {
                return v;
            }
            if (bits > 8) {
                return v >>> (bits - 8);
            }
            return Math.round(v * 255f / ((1 << bits) - 1));
        }
    }

    /** Palette images: 1 channel when every palette entry is grey, else RGB. */
    private static final class Palette extends PixelRows {
        private final IndexColorModel palette;
        private final Raster raster;
        private int[] row = new int[0];

        Palette(IndexColorModel icm, Raster r) {
            super(r.getWidth(), r.getHeight(), allGrey(icm) ? 1 : 3);
            palette = icm;
            raster = r;
        }

        private static boolean allGrey(IndexColorModel icm) {
            for (int i = 0; i < icm.getMapSize(); i++) {
                if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void read(int y, int x0, int n, float[] dst, int offset) {
            if (row.length < n) {
                row = new int[n];
            }
            raster.getSamples(x0, y, n, 1, 0, row);
            boolean grey = channels() == 1;
            for (int i = 0, o = offset; i < n; i++) {
                int idx = row[i];
                dst[o++] = palette.getRed(idx);
                if (!grey) {
                    dst[o++] = palette.getGreen(idx);
                    dst[o++] = palette.getBlue(idx);
                }
            }
        }
    }

    /** Other colour spaces (CMYK JPEG, ...): Java converts to sRGB. */
    private static final class ViaRgb extends PixelRows {
        private final BufferedImage image;
        private int[] row = new int[0];

        ViaRgb(BufferedImage img) {
            super(img.getWidth(), img.getHeight(), 3);
            image = img;
        }

        @Override
        public void read(int y, int x0, int n, float[] dst, int offset) {
            if (row.length < n) {
                row = new int[n];
            }
            image.getRGB(x0, y, n, 1, row, 0, n);
            for (int i = 0, o = offset; i < n; i++) {
                int p = row[i];
                dst[o++] = (p >> 16) & 0xff;
                dst[o++] = (p >> 8) & 0xff;
                dst[o++] = p & 0xff;
            }
        }
    }

    /** Float pixels as a dataset gives them. */
    private static final class Floats extends PixelRows {
        private final float[] pixels;

        Floats(Image img) {
            super(img.w(), img.h(), img.c());
            pixels = img.pixels();
        }

        @Override
        public void read(int y, int x0, int n, float[] dst, int offset) {
            int c = channels();
            System.arraycopy(pixels, (y * width() + x0) * c, dst, offset, n * c);
        }
    }
}
