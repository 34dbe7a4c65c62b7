package io.jclas.bench;

import io.jclas.data.OpenCv;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The decoding anchor: OpenCV's decoder and resizer as a Java user gets them from Maven Central in
 * {@code org.openpnp:opencv} ({@link OpenCv}), all in native code: imdecode, bilinear resize of the
 * short side, centre crop, with no pixel copied into Java. Loaded from a jar named at run time (or the
 * class path).
 */
final class OpenCvDecoder {
    /** {@code Imgproc.INTER_LINEAR}, the bilinear filter PaddleClas's ResizeImage uses through cv2. */
    private static final int INTER_LINEAR = 1;

    private final OpenCv cv;
    private final MethodHandle newMat;
    private final MethodHandle newSize;
    private final MethodHandle resize;
    private final MethodHandle submat;

    private OpenCvDecoder(OpenCv cv) throws ReflectiveOperationException {
        this.cv = cv;
        Class<?> mat = cv.type("org.opencv.core.Mat");
        Class<?> size = cv.type("org.opencv.core.Size");
        newMat = MethodHandles.publicLookup().findConstructor(mat, MethodType.methodType(void.class));
        newSize = MethodHandles.publicLookup().findConstructor(size,
                MethodType.methodType(void.class, double.class, double.class));
        resize = cv.method("org.opencv.imgproc.Imgproc", "resize",
                MethodType.methodType(void.class, mat, mat, size, double.class, double.class, int.class), true);
        submat = cv.method("org.opencv.core.Mat", "submat",
                MethodType.methodType(mat, int.class, int.class, int.class, int.class), false);
    }

    /**
     * OpenCV from {@code jar}, or from the class path when {@code jar} is null, with its native library
     * loaded.
     *
     * @throws IllegalStateException saying why when it is not there or cannot load on this platform
     */
    static OpenCvDecoder load(Path jar) {
        try {
            ClassLoader loader = jar == null ? OpenCvDecoder.class.getClassLoader()
                    : new URLClassLoader(new URL[] {jar.toUri().toURL()}, OpenCvDecoder.class.getClassLoader());
            return new OpenCvDecoder(OpenCv.load(loader));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not a jar path: " + jar);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenCV has no resize or submat here: " + e);
        }
    }

    /** The library, for jclas's own decoding through it ({@code ImageDecoding.decode(bytes, limit, opencv)}). */
    OpenCv library() {
        return cv;
    }

    String version() {
        return cv.version();
    }

    /** Decodes an encoded image to BGR bytes and frees them; returns the image height (a check that it ran). */
    int decode(byte[] encoded) {
        return decodeResizeCrop(encoded, 0, 0);
    }

    /**
     * Decodes an encoded image to BGR bytes, resizes its short side to {@code shortSide} (bilinear) and
     * crops the centre {@code crop} square: PaddleClas's eval ResizeImage + CropImage. Returns the side
     * of the crop (a check that it ran); {@code shortSide} 0 stops after decoding.
     */
    int decodeResizeCrop(byte[] encoded, int shortSide, int crop) {
        Object img = null;
        Object resized = null;
        Object centre = null;
        try {
            img = cv.imdecode(encoded, false);
            int[] hw = cv.size(img);
            if (hw[0] == 0 || hw[1] == 0) {
                throw new IllegalStateException("OpenCV could not decode the image");
            }
            if (shortSide == 0) {
                return hw[0];
            }
            double scale = (double) shortSide / Math.min(hw[1], hw[0]);
            int rw = (int) Math.round(hw[1] * scale);
            int rh = (int) Math.round(hw[0] * scale);
            resized = newMat.invoke();
            resize.invoke(img, resized, newSize.invoke((double) rw, (double) rh), 0.0, 0.0, INTER_LINEAR);
            int top = (rh - crop) / 2;
            int left = (rw - crop) / 2;
            centre = submat.invoke(resized, top, top + crop, left, left + crop);
            return cv.size(centre)[0];
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("OpenCV failed: " + t, t);
        } finally {
            for (Object m : new Object[] {centre, resized, img}) {
                if (m != null) {
                    releaseQuietly(m);
                }
            }
        }
    }

    private void releaseQuietly(Object m) {
        try {
            cv.release(m);
        } catch (Throwable ignored) {
            // releasing is best effort: a Mat's finalizer frees it too
        }
    }
}
