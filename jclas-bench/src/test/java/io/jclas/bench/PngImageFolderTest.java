package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jclas.config.Config;
import io.jclas.data.Dataset;
import io.jclas.data.Datasets;
import io.jclas.data.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --data-path's ImageFolder holds exactly the pixels and labels of the IDX images it was written from. */
class PngImageFolderTest {
    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void pngFolderDecodesToTheSamePixelsAndLabels(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.isDirectory(FASHION_MNIST), "Fashion-MNIST is not installed");
        Config idx = Config.of(Map.of("name", "FashionMNIST", "data_dir", FASHION_MNIST.toString(), "mode", "train",
                "subset", 40));
        Dataset source = Datasets.create(idx);
        Dataset png = Datasets.imageFolder(PngImageFolder.write(idx, dir.resolve("png")));
        assertEquals(40, png.size());
        // the folder orders samples by class: compare (label, pixels) of both sides, sorted
        assertEquals(samples(source, false), samples(png, true));
    }

    /** "label:pixels" of every sample, sorted; folder names ("003") are the source's class indices. */
    private static List<String> samples(Dataset d, boolean labelFromFolder) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            int label = labelFromFolder ? Integer.parseInt(d.classNames().get(d.label(i))) : d.label(i);
            Image img = d.get(i).image();
            out.add(label + ":" + img.c() + "x" + img.h() + "x" + img.w() + ":" + Arrays.toString(img.pixels()));
        }
        out.sort(null);
        return out;
    }
}
