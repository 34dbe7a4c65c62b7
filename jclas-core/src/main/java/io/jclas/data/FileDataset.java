package io.jclas.data;

import java.nio.file.Path;
import java.util.List;

/** Image files with labels, decoded on each {@link #get} (ImageFolder and ImageNetDataset). */
public final class FileDataset implements Dataset {
    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;

    FileDataset(List<Path> files, int[] labels, List<String> classNames) {
        this.files = List.copyOf(files);
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public Sample get(int i) {
        return new Sample(ImageDecoding.readImage(files.get(i)), labels[i]);
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    /** The file of the i-th sample (jclas-spark reads the files on its executors). */
    public Path file(int i) {
        return files.get(i);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
