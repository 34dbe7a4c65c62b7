package io.jclas.data;

import io.jclas.JclasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns what {@code Infer.infer_imgs} may name into image files: an image, a folder (its images,
 * sorted, recursively) or a list file ({@code .txt}: one image per line, PaddleClas's
 * "path label" lines allowed; relative paths are taken from the list's folder).
 */
public final class ImageFiles {
    private static final Set<String> IMAGE_SUFFIXES = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageFiles() {}

    public static List<Path> resolve(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            out.addAll(resolve(in));
        }
        return out;
    }

    public static List<Path> resolve(Path in) {
        if (Files.isDirectory(in)) {
            List<Path> found = folder(in);
            if (found.isEmpty()) {
                throw new JclasException("no images in " + in, "the folder should hold .png, .jpg, .jpeg, .bmp or .gif files");
            }
            return found;
        }
        if (!Files.isRegularFile(in)) {
            throw new JclasException("image path not found: " + in, "pass an image, a folder of images or a list file");
        }
        return suffix(in).equals("txt") ? listFile(in) : List.of(in);
    }

    private static List<Path> folder(Path dir) {
        // find hands over the attributes the walk has read (a second stat per file cost a third of the
        // listing); a link to an image file still counts, a link to a folder is not followed
        try (Stream<Path> walk = Files.find(dir, Integer.MAX_VALUE, (p, attributes) -> IMAGE_SUFFIXES.contains(suffix(p))
                && (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(p)))) {
            return walk.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new JclasException("cannot list " + dir + ": " + e.getMessage(), "check the folder's permissions", e);
        }
    }

    private static List<Path> listFile(Path list) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list);
        } catch (IOException e) {
            throw new JclasException("cannot read list file " + list, "check the path", e);
        }
        Path base = list.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Path p = base.resolve(entry.split("\\s+")[0]);
            if (!Files.isRegularFile(p)) {
                throw new JclasException("image listed in " + list + " not found: " + p,
                        "paths in a list file are relative to the list file's folder");
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new JclasException("list file " + list + " names no images", "write one image path per line");
        }
        return out;
    }

    private static String suffix(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
