package io.jclas.data;

import io.jclas.JclasException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 binary version: {@code data_batch_1..5.bin} (train) or {@code test_batch.bin} (test); each
 * record is a label byte and 3072 bytes of R, G and B planes of a 32×32 image.
 */
public final class Cifar10Dataset implements Dataset {
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    private static final int SIDE = 32;
    private static final int RECORD = 1 + 3 * SIDE * SIDE;

    private final byte[] data;
    private final List<String> classNames;

    private Cifar10Dataset(byte[] data, List<String> classNames) {
        this.data = data;
        this.classNames = classNames;
    }

    public static Cifar10Dataset load(Path dir, boolean train) {
        if (!Files.isDirectory(dir)) {
            throw new JclasException("dataset directory not found: " + dir,
                    "set data_dir to the cifar-10-batches-bin folder of the CIFAR-10 binary version");
        }
        List<Path> files = new ArrayList<>();
        if (train) {
            for (int i = 1; i <= 5; i++) {
                files.add(dir.resolve("data_batch_" + i + ".bin"));
            }
        } else {
            files.add(dir.resolve("test_batch.bin"));
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path f : files) {
            try {
                byte[] b = Files.readAllBytes(f);
                if (b.length % RECORD != 0) {
                    throw new JclasException(f + " has " + b.length + " bytes, not a multiple of the " + RECORD
                            + "-byte CIFAR-10 record", "the file is truncated; download it again");
                }
                all.write(b);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new JclasException("CIFAR-10 file not found: " + f, "set data_dir to the cifar-10-batches-bin folder", e);
            } catch (IOException e) {
                throw new JclasException("cannot read " + f + ": " + e.getMessage(), "check the file", e);
            }
        }
        byte[] data = all.toByteArray();
        for (int i = 0; i < data.length / RECORD; i++) {
            if ((data[i * RECORD] & 0xff) >= CLASSES.size()) {
                throw new JclasException("CIFAR-10 record " + i + " has label " + (data[i * RECORD] & 0xff),
                        "the files are not CIFAR-10 binary batches");
            }
        }
        return new Cifar10Dataset(data, classNames(dir));
    }

    private static List<String> classNames(Path dir) {
        Path meta = dir.resolve("batches.meta.txt");
        if (!Files.isRegularFile(meta)) {
            return CLASSES;
        }
        try {
            List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            return names.size() == CLASSES.size() ? names : CLASSES;
        } catch (IOException e) {
            return CLASSES;
        }
    }

    @Override
    public int size() {
        return data.length / RECORD;
    }

    @Override
    public Sample get(int i) {
        int plane = SIDE * SIDE;
        int base = i * RECORD + 1;
        float[] px = new float[plane * 3];
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < 3; ch++) {
                px[p * 3 + ch] = data[base + ch * plane + p] & 0xff;
            }
        }
        return new Sample(new Image(px, SIDE, SIDE, 3), label(i));
    }

    @Override
    public int label(int i) {
        return data[i * RECORD] & 0xff;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
