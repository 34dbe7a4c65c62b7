package io.jclas.bench;

import io.jclas.config.Config;
import io.jclas.data.Dataset;
import io.jclas.data.Datasets;
import io.jclas.data.Image;
import io.jclas.data.Sample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A training set written as an ImageFolder of PNG files (one sub-folder per class): the data path with
 * real decoding, against the pre-decoded tensors of the IDX files it comes from ({@code --data-path}).
 */
final class PngImageFolder {
    private PngImageFolder() {}

    /** The overrides that make the recipe train from {@code root} instead of its own data set. */
    static List<String> overrides(Path root) {
        return List.of("DataLoader.Train.dataset.name=ImageFolder", "DataLoader.Train.dataset.image_root=" + root);
    }

    /** Writes every sample of {@code dataset} (the recipe's section, subset applied) under {@code root}. */
    static Path write(Config dataset, Path root) {
        Dataset d = Datasets.create(dataset);
        try {
            for (int c = 0; c < d.classNames().size(); c++) {
                Files.createDirectories(root.resolve(folder(c)));
            }
            for (int i = 0; i < d.size(); i++) {
                Sample s = d.get(i);
                BufferedImage png = toBufferedImage(s.image());
                // work files, removed with the run: no atomic write needed
                ImageIO.write(png, "png", root.resolve(folder(s.label())).resolve(String.format("%06d.png", i)).toFile());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PNG image folder " + root, e);
        }
    }

    /** Class folders by index: class names such as "T-shirt/top" are not file names. */
    private static String folder(int label) {
        return String.format("%03d", label);
    }

    private static BufferedImage toBufferedImage(Image img) {
        Image hwc = img.requireHwc("PNG writer");
        BufferedImage out = new BufferedImage(hwc.w(), hwc.h(),
                hwc.c() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < hwc.h(); y++) {
            for (int x = 0; x < hwc.w(); x++) {
                for (int ch = 0; ch < hwc.c(); ch++) {
                    out.getRaster().setSample(x, y, ch, Math.round(hwc.get(y, x, ch)));
                }
            }
        }
        return out;
    }
}
