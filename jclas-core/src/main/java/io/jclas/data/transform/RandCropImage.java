package io.jclas.data.transform;

import io.jclas.JclasException;
import io.jclas.data.Image;
import java.util.SplittableRandom;

/**
 * PaddleClas {@code RandCropImage}: random-resized crop. Drawn as torchvision's RandomResizedCrop does:
 * area fraction uniform in {@code scale} [0.08, 1], aspect ratio log-uniform in {@code ratio}
 * [3/4, 4/3], up to 10 tries, then a centre crop clamped to the ratio range; the crop is resized to
 * {@code size} bilinearly.
 */
public final class RandCropImage implements ImageOp {
    private static final int TRIES = 10;
    private final int width;
    private final int height;
    private final double[] scale;
    private final double[] ratio;

    public RandCropImage(OpParams p) {
        int[] wh = Sizes.wh(p, "size");
        if (wh == null) {
            throw new JclasException("RandCropImage needs size", "set e.g. size: 224");
        }
        this.width = wh[0];
        this.height = wh[1];
        this.scale = range(p, "scale", 0.08, 1.0);
        this.ratio = range(p, "ratio", 3.0 / 4.0, 4.0 / 3.0);
        Sizes.bilinearOnly(p);
        p.get("use_log_aspect");
    }

    public RandCropImage(int size) {
        this.width = size;
        this.height = size;
        this.scale = new double[] {0.08, 1.0};
        this.ratio = new double[] {3.0 / 4.0, 4.0 / 3.0};
    }

    private static double[] range(OpParams p, String key, double lo, double hi) {
        double[] v = p.getDoubles(key);
        if (v == null) {
            return new double[] {lo, hi};
        }
        if (v.length != 2 || v[0] <= 0 || v[0] > v[1]) {
            throw p.bad(key, "a list [low, high] with 0 < low <= high", p.get(key));
        }
        return v;
    }

    @Override
    public Image apply(Image img, SplittableRandom rng) {
        int[] box = box(img.w(), img.h(), rng);
        return Bilinear.resize(CropImage.crop(img, box[0], box[1], box[2], box[3]), width, height);
    }

    /** {x, y, w, h} of the crop. */
    int[] box(int imgW, int imgH, SplittableRandom rng) {
        double area = (double) imgW * imgH;
        double logLo = Math.log(ratio[0]);
        double logHi = Math.log(ratio[1]);
        for (int t = 0; t < TRIES; t++) {
            double target = area * uniform(rng, scale[0], scale[1]);
            double aspect = Math.exp(uniform(rng, logLo, logHi));
            int w = (int) Math.rint(Math.sqrt(target * aspect));
            int h = (int) Math.rint(Math.sqrt(target / aspect));
            if (w > 0 && h > 0 && w <= imgW && h <= imgH) {
                int y = rng.nextInt(imgH - h + 1);
                int x = rng.nextInt(imgW - w + 1);
                return new int[] {x, y, w, h};
            }
        }
        double inRatio = (double) imgW / imgH;
        int w = imgW;
        int h = imgH;
        if (inRatio < ratio[0]) {
            h = (int) Math.rint(w / ratio[0]);
        } else if (inRatio > ratio[1]) {
            w = (int) Math.rint(h * ratio[1]);
        }
        return new int[] {(imgW - w) / 2, (imgH - h) / 2, w, h};
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }
}
