package io.jclas.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * OpenCV's image codecs (libjpeg-turbo, libpng) as a Java user gets them from Maven Central in
 * {@code org.openpnp:opencv}, which bundles the native library for the common platforms. Bound by
 * reflection, so that jclas neither builds against nor ships the 110 MB artifact: it is used where it is
 * on the class path (the benchmark also loads it from a jar named at run time).
 */
public final class OpenCv {
    private static final int IMREAD_GRAYSCALE = 0;
    /** 3-channel BGR, 8 bits: alpha dropped without compositing, 16-bit samples cut to their high byte. */
    private static final int IMREAD_COLOR = 1;
    /** ImageIO ignores a JPEG's EXIF orientation; OpenCV applies it unless told not to. */
    private static final int IMREAD_IGNORE_ORIENTATION = 128;

    private final ClassLoader loader;
    private final MethodHandle matOfBytes;
    private final MethodHandle imdecode;
    private final MethodHandle rows;
    private final MethodHandle cols;
    private final MethodHandle channels;
    private final MethodHandle get;
    private final MethodHandle release;
    private final String version;

    private OpenCv(ClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        Class.forName("nu.pattern.OpenCV", true, loader).getMethod("loadLocally").invoke(null);
        Class<?> mat = type("org.opencv.core.Mat");
        matOfBytes = MethodHandles.publicLookup().findConstructor(type("org.opencv.core.MatOfByte"),
                MethodType.methodType(void.class, byte[].class));
        imdecode = method("org.opencv.imgcodecs.Imgcodecs", "imdecode", MethodType.methodType(mat, mat, int.class), true);
        rows = method("org.opencv.core.Mat", "rows", MethodType.methodType(int.class), false);
        cols = method("org.opencv.core.Mat", "cols", MethodType.methodType(int.class), false);
        channels = method("org.opencv.core.Mat", "channels", MethodType.methodType(int.class), false);
        get = method("org.opencv.core.Mat", "get", MethodType.methodType(int.class, int.class, int.class, byte[].class),
                false);
        release = method("org.opencv.core.Mat", "release", MethodType.methodType(void.class), false);
        version = (String) type("org.opencv.core.Core").getField("VERSION").get(null);
    }

    /**
     * OpenCV from {@code loader} with its native library loaded.
     *
     * @throws IllegalStateException saying why when it is not there or cannot load on this platform
     */
    public static OpenCv load(ClassLoader loader) {
        try {
            return new OpenCv(loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("org.openpnp:opencv is not on the class path");
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("OpenCV does not load here: " + cause);
        }
    }

    public String version() {
        return version;
    }

    /** One of OpenCV's classes. */
    public Class<?> type(String className) throws ClassNotFoundException {
        return Class.forName(className, true, loader);
    }

    /** A public method of one of OpenCV's classes (the benchmark's anchor binds resize and crop this way). */
    public MethodHandle method(String className, String name, MethodType type, boolean isStatic)
            throws ReflectiveOperationException {
        Class<?> owner = type(className);
        return isStatic ? MethodHandles.publicLookup().findStatic(owner, name, type)
                : MethodHandles.publicLookup().findVirtual(owner, name, type);
    }

    /** Decodes encoded bytes to a native {@code Mat} (BGR or grey, EXIF orientation ignored); free it with {@link #release}. */
    public Object imdecode(byte[] encoded, boolean gray) throws Throwable {
        Object buf = matOfBytes.invoke(encoded);
        try {
            return imdecode.invoke(buf, (gray ? IMREAD_GRAYSCALE : IMREAD_COLOR) | IMREAD_IGNORE_ORIENTATION);
        } finally {
            release(buf);
        }
    }

    /** The {rows, cols} of a Mat. */
    public int[] size(Object mat) throws Throwable {
        return new int[] {(int) rows.invoke(mat), (int) cols.invoke(mat)};
    }

    /** Frees a Mat's native memory now rather than at its finalizer. */
    public void release(Object mat) throws Throwable {
        release.invoke(mat);
    }

    /**
     * Decodes to a TYPE_BYTE_GRAY or TYPE_3BYTE_BGR image (OpenCV's BGR bytes are that type's layout, copied
     * once into it), or null when OpenCV cannot decode the bytes or gives another size than {@code w × h}.
     */
    BufferedImage decode(byte[] encoded, boolean gray, int w, int h) throws Throwable {
        Object mat = imdecode(encoded, gray);
        try {
            int[] size = size(mat);
            if (size[0] != h || size[1] != w || (int) channels.invoke(mat) != (gray ? 1 : 3)) {
                return null;
            }
            BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
            get.invoke(mat, 0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            return img;
        } finally {
            release(mat);
        }
    }
}
