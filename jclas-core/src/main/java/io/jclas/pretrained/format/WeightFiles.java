package io.jclas.pretrained.format;

import io.jclas.JclasException;
import io.jclas.pretrained.StateDict;
import io.jclas.pretrained.StoredTensor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import net.razorvine.pickle.PickleException;

/**
 * The one entry point for foreign weight files: a PyTorch state dict ({@code .pth}/{@code .pt}, zip
 * or legacy) or a PaddleClas {@code .pdparams}, told apart by the file's bytes, not its name. Every
 * reader unpickles through {@link SafeUnpickler}, so a file can only ever describe arrays.
 */
public final class WeightFiles {
    /** The file names {@link #find} accepts in a directory. */
    public static final List<String> EXTENSIONS = List.of(".pdparams", ".pth", ".pt");
    private static final int ZIP_MAGIC = 0x504b0304;
    private static final int PICKLE_PROTO = 0x80;

    private WeightFiles() {}

    /** True when {@code path} names a foreign weight file by its extension, or a directory holding one. */
    public static boolean isForeign(Path path) {
        if (Files.isDirectory(path)) {
            return candidates(path).size() == 1;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The weight file {@code path} names: itself, or the one {@code .pdparams}/{@code .pth}/{@code .pt} in a directory. */
    public static Path find(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new JclasException("weight file not found: " + path,
                        "point at a .pdparams, .pth or .pt file, or a directory holding one");
            }
            return path;
        }
        List<Path> found = candidates(path);
        if (found.size() != 1) {
            throw new JclasException(path + " holds " + (found.isEmpty() ? "no" : found.size()) + " weight files (.pdparams, .pth, .pt)",
                    "point at the file itself");
        }
        return found.get(0);
    }

    /** The arrays of a weight file (or of the one in a directory), by the file's own keys. */
    public static StateDict read(Path path) {
        return open(path).tensors();
    }

    /** Reads a weight file (or the one in a directory) and says which format it was. */
    public static WeightFile open(Path path) {
        Path file = find(path);
        String source = file.toString();
        try {
            if (startsWithZip(file)) {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    return result(WeightFormat.PYTORCH_ZIP, file, PytorchReader.readZip(zip, source));
                }
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                in.mark(1);
                if (in.read() != PICKLE_PROTO) {
                    throw new MalformedWeights("neither a zip nor a pickle of protocol 2 or later");
                }
                in.reset();
                Object first = new SafeUnpickler(source, null).load(in);
                if (PytorchReader.LEGACY_MAGIC.equals(first)) {
                    return result(WeightFormat.PYTORCH_LEGACY, file, PytorchReader.readLegacy(in, source));
                }
                if (first instanceof Map<?, ?> dict) {
                    return result(WeightFormat.PDPARAMS, file, PdparamsReader.tensors(dict));
                }
                throw new MalformedWeights("a pickle of " + Pickles.describe(first) + ", not a dict of arrays");
            }
        } catch (JclasException e) {
            throw e;
        } catch (IOException | PickleException | MalformedWeights | ClassCastException | IndexOutOfBoundsException e) {
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            // razorvine wraps failures of the stand-ins' construction; the cause says what was wrong
            if (e.getCause() instanceof JclasException j) {
                throw j;
            }
            throw unreadable(file, e);
        }
    }

    private static JclasException unreadable(Path file, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new JclasException("cannot read weight file " + file + ": " + why,
                "the file is truncated or not a PyTorch state dict / PaddleClas .pdparams; download it again", e);
    }

    private static WeightFile result(WeightFormat format, Path file, Map<String, StoredTensor> tensors) {
        if (tensors.isEmpty()) {
            throw new MalformedWeights("it holds no arrays");
        }
        return new WeightFile(format, new StateDict(file, tensors));
    }

    private static boolean startsWithZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ((head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8
                    | (head[3] & 0xff)) == ZIP_MAGIC;
        }
    }

    private static List<Path> candidates(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> EXTENSIONS.stream().anyMatch(f.getFileName().toString()::endsWith)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
