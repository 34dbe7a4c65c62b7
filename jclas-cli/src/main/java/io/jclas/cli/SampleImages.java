package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.Dataset;
import io.jclas.data.Datasets;
import io.jclas.data.Image;
import io.jclas.data.Sample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Writes test-set images as PNG files, named by index and true class, for trying predict and serve. */
final class SampleImages {
    private SampleImages() {}

    /**
     * Writes the first test image of each of the first {@code n} classes of a data set section
     * ({@code DataLoader.Eval.dataset}) to {@code dir} as {@code <index>_<class>.png}.
     */
    static List<Path> write(Config datasetSection, int n, Path dir) {
        Dataset data = Datasets.create(datasetSection);
        Map<Integer, Integer> firstOfClass = new LinkedHashMap<>();
        for (int i = 0; i < data.size() && firstOfClass.size() < n; i++) {
            firstOfClass.putIfAbsent(data.get(i).label(), i);
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i : firstOfClass.values()) {
                Sample s = data.get(i);
                String name = data.classNames().get(s.label()).replaceAll("[^A-Za-z0-9-]+", "_");
                Path file = dir.resolve(String.format("%05d_%s.png", i, name));
                ImageIO.write(toBufferedImage(s.image()), "png", file.toFile());
                written.add(file);
            }
        } catch (IOException e) {
            throw new JclasException("cannot write sample images to " + dir + ": " + e.getMessage(),
                    "check that the folder is writable", e);
        }
        return written;
    }

    /** 8-bit grayscale or RGB; pixel values are 0..255 floats before normalisation. */
    static BufferedImage toBufferedImage(Image img) {
        BufferedImage out = new BufferedImage(img.w(), img.h(),
                img.c() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.h(); y++) {
            for (int x = 0; x < img.w(); x++) {
                if (img.c() == 1) {
                    out.getRaster().setSample(x, y, 0, byteOf(img.get(y, x, 0)));
                } else {
                    out.setRGB(x, y, byteOf(img.get(y, x, 0)) << 16 | byteOf(img.get(y, x, 1)) << 8
                            | byteOf(img.get(y, x, 2)));
                }
            }
        }
        return out;
    }

    private static int byteOf(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
