package io.jclas.data.transform;

import io.jclas.data.Image;
import io.jclas.data.PixelRows;
import io.jclas.data.transform.Bilinear.Taps;
import java.util.Arrays;
import java.util.List;

/**
 * The usual deterministic chain, DecodeImage → ResizeImage → CropImage → NormalizeImage → ToCHWImage
 * (each but the first and last optional, in this order), run in one pass that gives the floats of the
 * op-by-op chain bit for bit. It resizes only the pixels the crop keeps: each source row the crop needs
 * is read once (straight from the decoded bytes, see {@link PixelRows}), blended horizontally into one
 * row per channel, two such rows are blended vertically, normalised and written channel-first into the
 * tensor. Nothing image-sized is made besides the tensor. The taps of the last input size are kept, so
 * a run of same-sized images computes them once. Immutable but for that cache: one instance serves any
 * number of threads.
 */
final class FusedPreprocessing {
    private final int channels;
    private final ResizeImage resize;
    private final CropImage crop;
    private final NormalizeImage normalize;
    private volatile Taps lastX = Taps.of(1, 1);
    private volatile Taps lastY = Taps.of(1, 1);

    private FusedPreprocessing(int channels, ResizeImage resize, CropImage crop, NormalizeImage normalize) {
        this.channels = channels;
        this.resize = resize;
        this.crop = crop;
        this.normalize = normalize;
    }

    /** The fused form of {@code ops}, or null when they are not the chain above (then they run op by op). */
    static FusedPreprocessing of(List<ImageOp> ops) {
        if (ops.isEmpty() || !(ops.get(0) instanceof DecodeImage d) || !d.toRgb() || d.channelFirst()) {
            return null;
        }
        ImageOp[] slots = new ImageOp[4]; // resize, crop, normalize, to-CHW
        int last = -1;
        for (ImageOp op : ops.subList(1, ops.size())) {
            int slot = op instanceof ResizeImage ? 0 : op instanceof CropImage ? 1 : op instanceof NormalizeImage ? 2
                    : op instanceof ToCHWImage ? 3 : -1;
            if (slot <= last) {
                return null; // another op, a repeated one, or one out of this order
            }
            slots[slot] = op;
            last = slot;
        }
        return last == 3 ? new FusedPreprocessing(d.channels(), (ResizeImage) slots[0], (CropImage) slots[1],
                (NormalizeImage) slots[2]) : null;
    }

    /** The CHW result of the chain on these pixels. */
    Image apply(PixelRows src) {
        DecodeImage.requireOneOrThree(src.channels());
        int w = src.width();
        int h = src.height();
        int[] size = resize == null ? new int[] {w, h} : resize.sizeFor(w, h);
        int[] corner = crop == null ? new int[] {0, 0} : crop.cornerIn(size[0], size[1]);
        int outW = crop == null ? size[0] : crop.width();
        int outH = crop == null ? size[1] : crop.height();
        if (normalize != null) {
            normalize.requireChannels(channels);
        }
        Taps tx = lastX.orFor(w, size[0]);
        Taps ty = lastY.orFor(h, size[1]);
        lastX = tx;
        lastY = ty;
        float[] out = new float[channels * outW * outH];
        new Pass(src, tx, corner[0], outW).run(ty, corner[1], outH, out);
        return new Image(out, outH, outW, channels, true);
    }

    /** One image's pass: the source columns the crop needs and two rows blended horizontally. */
    private final class Pass {
        private final PixelRows src;
        private final int width;
        private final int firstColumn;
        /** Per output column: where its two source pixels start in {@code converted}, and their weights. */
        private final int[] a;
        private final int[] b;
        private final float[] keep;
        private final float[] take;
        private final float[] read;
        private final float[] converted;
        private float[] upper;
        private float[] lower;
        private int upperRow = -1;
        private int lowerRow = -1;

        Pass(PixelRows src, Taps tx, int left, int width) {
            this.src = src;
            this.width = width;
            firstColumn = tx.lo()[left];
            a = new int[width];
            b = new int[width];
            for (int ox = 0; ox < width; ox++) {
                a[ox] = (tx.lo()[left + ox] - firstColumn) * channels;
                b[ox] = (tx.hi()[left + ox] - firstColumn) * channels;
            }
            keep = Arrays.copyOfRange(tx.keep(), left, left + width);
            take = Arrays.copyOfRange(tx.take(), left, left + width);
            int columns = tx.hi()[left + width - 1] - firstColumn + 1;
            read = new float[columns * src.channels()];
            converted = src.channels() == channels ? read : new float[columns * channels];
            upper = new float[channels * width];
            lower = new float[channels * width];
        }

        void run(Taps ty, int top, int height, float[] out) {
            int plane = width * height;
            for (int oy = 0; oy < height; oy++) {
                int y = top + oy;
                rows(ty.lo()[y], ty.hi()[y]);
                float keep = ty.keep()[y];
                float take = ty.take()[y];
                for (int ch = 0; ch < channels; ch++) {
                    int row = ch * width;
                    int o = ch * plane + oy * width;
                    if (normalize == null) {
                        for (int ox = 0; ox < width; ox++) {
                            out[o + ox] = Bilinear.blend(upper[row + ox], lower[row + ox], keep, take);
                        }
                        continue;
                    }
                    float scale = normalize.scale();
                    float mean = normalize.meanOf(ch);
                    float std = normalize.stdOf(ch);
                    for (int ox = 0; ox < width; ox++) {
                        float v = Bilinear.blend(upper[row + ox], lower[row + ox], keep, take);
                        out[o + ox] = NormalizeImage.normalize(v, scale, mean, std);
                    }
                }
            }
        }

        /** Makes {@code upper} and {@code lower} the blended source rows r0 and r1, reusing what the last output row had. */
        private void rows(int r0, int r1) {
            if (r0 != upperRow) {
                if (r0 == lowerRow) {
                    float[] t = upper;
                    upper = lower;
                    lower = t;
                    lowerRow = upperRow;
                    upperRow = r0;
                } else {
                    blendRow(r0, upper);
                    upperRow = r0;
                }
            }
            if (r1 != lowerRow) {
                blendRow(r1, lower);
                lowerRow = r1;
            }
        }

        /** Source row y resized horizontally to the crop's columns, one plane per channel. */
        private void blendRow(int y, float[] dst) {
            int columns = read.length / src.channels();
            src.read(y, firstColumn, columns, read, 0);
            if (converted != read) {
                DecodeImage.convert(read, 0, converted, 0, channels, columns);
            }
            for (int ch = 0; ch < channels; ch++) {
                int plane = ch * width;
                for (int ox = 0; ox < width; ox++) {
                    dst[plane + ox] = Bilinear.blend(converted[a[ox] + ch], converted[b[ox] + ch], keep[ox], take[ox]);
                }
            }
        }
    }
}
