package io.jclas.onnx.quant;

import io.jclas.JclasException;
import io.jclas.data.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The preprocessed images quantization sees: {@code calibration} sets the activation ranges,
 * {@code holdout} (other images, with labels) measures fp32 against int8 Top-1.
 */
public record CalibrationData(List<Batch> calibration, List<Batch> holdout) {

    public CalibrationData {
        calibration = List.copyOf(calibration);
        holdout = List.copyOf(holdout);
    }

    /**
     * The first {@code calibrationImages} images of {@code source} for calibration, then {@code
     * holdoutImages} from the batches after those (no image is in both).
     */
    public static CalibrationData split(Iterable<Batch> source, int calibrationImages, int holdoutImages) {
        Iterator<Batch> batches = source.iterator();
        List<Batch> calibration = take(batches, calibrationImages);
        return new CalibrationData(calibration, take(batches, holdoutImages));
    }

    /** Calibration images from one source, holdout images from another (e.g. train and test sets). */
    public static CalibrationData of(Iterable<Batch> calibration, int calibrationImages, Iterable<Batch> holdout,
            int holdoutImages) {
        return new CalibrationData(take(calibration.iterator(), calibrationImages),
                take(holdout.iterator(), holdoutImages));
    }

    /** The number of calibration images. */
    public int calibrationImages() {
        return calibration.stream().mapToInt(Batch::n).sum();
    }

    /** The number of holdout images. */
    public int holdoutImages() {
        return holdout.stream().mapToInt(Batch::n).sum();
    }

    /** Fails with one line when the images do not fit a model input of [channels, side, side]. */
    void check(int channels, int side) {
        if (calibration.isEmpty()) {
            throw new JclasException("the calibration data has no images",
                    "point --calibration at a config section with a non-empty dataset (e.g. DataLoader.Eval)");
        }
        if (holdout.isEmpty()) {
            throw new JclasException("no images are left to check int8 against fp32 after the "
                    + calibrationImages() + " calibration images",
                    "use fewer --calibration-images, or --holdout with another section (e.g. DataLoader.Eval)");
        }
        Batch b = calibration.get(0);
        if (b.c() != channels || b.h() != side || b.w() != side) {
            throw new JclasException("the calibration images are [" + b.c() + ", " + b.h() + ", " + b.w()
                    + "] but the model takes [" + channels + ", " + side + ", " + side + "]",
                    "calibrate with the model's eval transforms (the section's transform_ops must crop or resize to "
                            + side + " with " + channels + " channel(s))");
        }
    }

    /** Batches from {@code batches} until {@code images} images, the last one cut. */
    private static List<Batch> take(Iterator<Batch> batches, int images) {
        List<Batch> out = new ArrayList<>();
        int count = 0;
        while (count < images && batches.hasNext()) {
            Batch b = batches.next();
            Batch cut = head(b, Math.min(b.n(), images - count));
            out.add(cut);
            count += cut.n();
        }
        return out;
    }

    private static Batch head(Batch b, int n) {
        if (n == b.n()) {
            return b;
        }
        int per = b.c() * b.h() * b.w();
        return new Batch(Arrays.copyOf(b.images(), n * per), n, b.c(), b.h(), b.w(), Arrays.copyOf(b.labels(), n),
                null);
    }
}
