package io.jclas.data;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.util.Suggest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a {@link Dataset} from a {@code DataLoader.Train.dataset} (or {@code .Eval.dataset}) section by
 * its {@code name}: {@code FashionMNIST}, {@code MNIST}, {@code CIFAR10}, {@code ImageFolder},
 * {@code ImageNetDataset}. An optional {@code subset: N} keeps the first N samples.
 */
public final class Datasets {
    public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";
    public static final String MNIST_DIR = "/usr/share/datasets/mnist";
    public static final List<String> NAMES = List.of("FashionMNIST", "MNIST", "CIFAR10", "ImageFolder", "ImageNetDataset");
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

    private Datasets() {}

    public static Dataset create(Config section) {
        String name = section.getString("name");
        Dataset d = switch (name) {
            case "FashionMNIST" -> IdxDataset.load(dir(section, FASHION_MNIST_DIR), train(section),
                    IdxDataset.FASHION_MNIST_CLASSES);
            case "MNIST" -> IdxDataset.load(dir(section, MNIST_DIR), train(section), IdxDataset.MNIST_CLASSES);
            case "CIFAR10" -> Cifar10Dataset.load(dir(section, "data/cifar-10-batches-bin"), train(section));
            case "ImageFolder" -> imageFolder(path(section, "image_root"));
            case "ImageNetDataset" -> fileList(path(section, "image_root"), path(section, "cls_label_path"),
                    section.has("class_id_map_file") ? path(section, "class_id_map_file") : null,
                    section.getString("delimiter", " "));
            default -> throw new JclasException("unknown dataset '" + name + "' at " + key(section, "name"),
                    Suggest.hint(name, NAMES));
        };
        int subset = section.getInt("subset", 0);
        if (subset < 0) {
            throw new JclasException(key(section, "subset") + " is " + subset + ", expected a positive count",
                    "remove subset or set it to the number of samples to keep");
        }
        return subset > 0 && subset < d.size() ? subset(d, subset) : d;
    }

    private static String key(Config section, String k) {
        return section.path().isEmpty() ? k : section.path() + "." + k;
    }

    private static Path dir(Config s, String def) {
        return Paths.get(s.getString("data_dir", def));
    }

    private static Path path(Config s, String key) {
        return Paths.get(s.getString(key));
    }

    private static boolean train(Config s) {
        String mode = s.getString("mode", "train");
        if (!mode.equals("train") && !mode.equals("test")) {
            throw new JclasException(key(s, "mode") + " is '" + mode + "', expected train or test", "set mode: train or mode: test");
        }
        return mode.equals("train");
    }

    /** The first {@code n} samples of {@code d}. */
    public static Dataset subset(Dataset d, int n) {
        return new Dataset() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Sample get(int i) {
                return d.get(i);
            }

            @Override
            public int label(int i) {
                return d.label(i);
            }

            @Override
            public List<String> classNames() {
                return d.classNames();
            }
        };
    }

    /** An in-memory dataset (tests, synthetic data). */
    public static Dataset of(List<Sample> samples, List<String> classNames) {
        List<Sample> copy = List.copyOf(samples);
        List<String> names = List.copyOf(classNames);
        return new Dataset() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public Sample get(int i) {
                return copy.get(i);
            }

            @Override
            public List<String> classNames() {
                return names;
            }
        };
    }

    /** Class sub-folders of {@code root}, sorted by name; every image file below each is one sample. */
    public static FileDataset imageFolder(Path root) {
        if (!Files.isDirectory(root)) {
            throw new JclasException("image folder not found: " + root, "set image_root to a folder with one sub-folder per class");
        }
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new JclasException("cannot list " + root + ": " + e.getMessage(), "check permissions", e);
        }
        if (classDirs.isEmpty()) {
            throw new JclasException("no class folders in " + root, "put the images of each class in a sub-folder named after it");
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classDirs.size(); c++) {
            names.add(classDirs.get(c).getFileName().toString());
            try (Stream<Path> s = Files.walk(classDirs.get(c))) {
                for (Path f : s.filter(Files::isRegularFile).filter(Datasets::isImage).sorted().toList()) {
                    files.add(f);
                    labels.add(c);
                }
            } catch (IOException e) {
                throw new JclasException("cannot list " + classDirs.get(c) + ": " + e.getMessage(), "check permissions", e);
            }
        }
        if (files.isEmpty()) {
            throw new JclasException("no images (" + String.join(", ", IMAGE_EXTENSIONS) + ") under " + root,
                    "put image files in the class folders");
        }
        return new FileDataset(files, labels.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    private static boolean isImage(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /**
     * PaddleClas's ImageNetDataset: {@code listFile} lines {@code relative/path.jpg label} below
     * {@code imageRoot}; {@code classMap} (optional) lines {@code id name}.
     */
    public static FileDataset fileList(Path imageRoot, Path listFile, Path classMap, String delimiter) {
        if (!Files.isDirectory(imageRoot)) {
            throw new JclasException("image_root not found: " + imageRoot, "set image_root to the folder the file list is relative to");
        }
        List<String> lines = lines(listFile, "cls_label_path");
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int maxLabel = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int cut = line.lastIndexOf(delimiter);
            int label;
            try {
                label = cut <= 0 ? -1 : Integer.parseInt(line.substring(cut + delimiter.length()).strip());
            } catch (NumberFormatException e) {
                label = -1;
            }
            if (label < 0) {
                throw new JclasException(listFile + " line " + (i + 1) + ": '" + line + "' is not 'relative/path.jpg label'",
                        "write each line as an image path, the delimiter '" + delimiter + "' and a class id >= 0");
            }
            Path f = imageRoot.resolve(line.substring(0, cut).strip());
            if (!Files.isRegularFile(f)) {
                throw new JclasException(listFile + " line " + (i + 1) + ": image not found: " + f,
                        "fix the path or image_root");
            }
            files.add(f);
            labels.add(label);
            maxLabel = Math.max(maxLabel, label);
        }
        if (files.isEmpty()) {
            throw new JclasException(listFile + " lists no images", "write one 'relative/path.jpg label' line per image");
        }
        List<String> names = classMap == null ? numbered(maxLabel + 1) : classMap(classMap, maxLabel);
        return new FileDataset(files, labels.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    private static List<String> numbered(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** Reads {@code id name} lines; ids must cover 0..max with no gaps. */
    static List<String> classMap(Path file, int maxLabel) {
        Map<Integer, String> byId = new TreeMap<>();
        List<String> lines = lines(file, "class_id_map_file");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            try {
                int id = Integer.parseInt(parts[0]);
                if (id < 0 || byId.put(id, parts.length > 1 ? parts[1].strip() : parts[0]) != null) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new JclasException(file + " line " + (i + 1) + ": '" + line + "' is not 'id name' with a new id >= 0",
                        "write each line as a class id, a space and the class name");
            }
        }
        int n = Math.max(maxLabel + 1, byId.isEmpty() ? 0 : ((TreeMap<Integer, String>) byId).lastKey() + 1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = byId.get(i);
            if (name == null) {
                throw new JclasException(file + " has no name for class " + i, "list every class id from 0 to " + (n - 1));
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> lines(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            throw new JclasException(key + " file not found: " + file, "set " + key + " to an existing text file");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JclasException("cannot read " + file + ": " + e.getMessage(), "check the file is UTF-8 text", e);
        }
    }
}
