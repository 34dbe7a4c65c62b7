package io.jclas.bench;

import java.lang.invoke.MethodHandle;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The decoding anchor: OpenCV's JPEG/PNG decoder and resizer (libjpeg-turbo, SIMD resize) as a Java
 * user gets it from Maven Central in {@code org.openpnp:opencv}, which bundles the native library for
 * the common platforms. Bound by reflection, so that jclas builds without the 110 MB artifact: the
 * benchmark loads it from a jar named at run time (or the class path).
 */
final class OpenCvDecoder {
    /** {@code Imgcodecs.IMREAD_COLOR}: 3-channel BGR. */
    private static final int IMREAD_COLOR = 1;
    /** {@code Imgproc.INTER_LINEAR}, the bilinear filter PaddleClas's ResizeImage uses through cv2. */
    private static final int INTER_LINEAR = 1;

    private final MethodHandle matOfBytes;
    private final MethodHandle imdecode;
    private final MethodHandle newMat;
    private final MethodHandle newSize;
    private final MethodHandle resize;
    private final MethodHandle submat;
    private final MethodHandle rows;
    private final MethodHandle cols;
    private final MethodHandle release;
    private final String version;

    private OpenCvDecoder(ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        Class.forName("nu.pattern.OpenCV", true, loader).getMethod("loadLocally").invoke(null);
        Class<?> mat = Class.forName("org.opencv.core.Mat", true, loader);
        Class<?> size = Class.forName("org.opencv.core.Size", true, loader);
        Class<?> bytes = Class.forName("org.opencv.core.MatOfByte", true, loader);
        matOfBytes = l.findConstructor(bytes, MethodType.methodType(void.class, byte[].class));
        imdecode = l.findStatic(Class.forName("org.opencv.imgcodecs.Imgcodecs", true, loader), "imdecode",
                MethodType.methodType(mat, mat, int.class));
        newMat = l.findConstructor(mat, MethodType.methodType(void.class));
        newSize = l.findConstructor(size, MethodType.methodType(void.class, double.class, double.class));
        resize = l.findStatic(Class.forName("org.opencv.imgproc.Imgproc", true, loader), "resize",
                MethodType.methodType(void.class, mat, mat, size, double.class, double.class, int.class));
        submat = l.findVirtual(mat, "submat", MethodType.methodType(mat, int.class, int.class, int.class, int.class));
        rows = l.findVirtual(mat, "rows", MethodType.methodType(int.class));
        cols = l.findVirtual(mat, "cols", MethodType.methodType(int.class));
        release = l.findVirtual(mat, "release", MethodType.methodType(void.class));
        version = (String) Class.forName("org.opencv.core.Core", true, loader).getField("VERSION").get(null);
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
            return new OpenCvDecoder(loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("org.openpnp:opencv is not " + (jar == null ? "on the class path" : "in " + jar));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not a jar path: " + jar);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("OpenCV does not load here: " + cause);
        }
    }

    String version() {
        return version;
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
        Object buf = null;
        Object img = null;
        Object resized = null;
        Object centre = null;
        try {
            buf = matOfBytes.invoke(encoded);
            img = imdecode.invoke(buf, IMREAD_COLOR);
            int h = (int) rows.invoke(img);
            int w = (int) cols.invoke(img);
            if (h == 0 || w == 0) {
                throw new IllegalStateException("OpenCV could not decode the image");
            }
            if (shortSide == 0) {
                return h;
            }
            double scale = (double) shortSide / Math.min(w, h);
            int rw = (int) Math.round(w * scale);
            int rh = (int) Math.round(h * scale);
            resized = newMat.invoke();
            resize.invoke(img, resized, newSize.invoke((double) rw, (double) rh), 0.0, 0.0, INTER_LINEAR);
            int top = (rh - crop) / 2;
            int left = (rw - crop) / 2;
            centre = submat.invoke(resized, top, top + crop, left, left + crop);
            return (int) rows.invoke(centre);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("OpenCV failed: " + t, t);
        } finally {
            for (Object m : new Object[] {centre, resized, img, buf}) {
                if (m != null) {
                    releaseQuietly(m);
                }
            }
        }
    }

    private void releaseQuietly(Object m) {
        try {
            release.invoke(m);
        } catch (Throwable ignored) {
            // releasing is best effort: a Mat's finalizer frees it too
        }
    }
}
