package io.jclas.spark;

import io.jclas.JclasException;
import io.jclas.data.ImageDecoding;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The rows of one partition, decoded and classified a batch at a time as the iterator is read, so
 * that a partition never sits in memory whole. An image that cannot be decoded or classified becomes
 * a {@link Scored} with its error; the others of its batch are classified as usual.
 */
final class ImageBatches implements Iterator<Scored> {
    private final Iterator<Row> rows;
    private final int pathField;
    private final int contentField;
    private final Classifier classifier;
    private final int batch;
    private final int topk;
    private final ArrayDeque<Scored> ready = new ArrayDeque<>();

    /**
     * @param contentField the binary column of the encoded image, or -1 to read the local file that
     *     the path column names
     */
    ImageBatches(Iterator<Row> rows, int pathField, int contentField, Classifier classifier, int batch, int topk) {
        this.rows = rows;
        this.pathField = pathField;
        this.contentField = contentField;
        this.classifier = classifier;
        this.batch = batch;
        this.topk = topk;
    }

    @Override
    public boolean hasNext() {
        return !ready.isEmpty() || rows.hasNext();
    }

    @Override
    public Scored next() {
        if (ready.isEmpty()) {
            if (!rows.hasNext()) {
                throw new NoSuchElementException();
            }
            List<Row> chunk = new ArrayList<>(batch);
            while (chunk.size() < batch && rows.hasNext()) {
                chunk.add(rows.next());
            }
            ready.addAll(score(chunk));
        }
        return ready.poll();
    }

    private List<Scored> score(List<Row> chunk) {
        Scored[] out = new Scored[chunk.size()];
        List<Integer> decodedAt = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            try {
                images.add(decode(chunk.get(i)));
                decodedAt.add(i);
            } catch (JclasException e) {
                out[i] = Scored.failed(chunk.get(i), e.getMessage());
            }
        }
        List<List<Prediction>> predictions = predict(images, decodedAt, chunk, out);
        for (int j = 0; j < decodedAt.size(); j++) {
            int i = decodedAt.get(j);
            if (out[i] == null) {
                out[i] = new Scored(chunk.get(i), predictions.get(j), null);
            }
        }
        return List.of(out);
    }

    /**
     * One forward for the batch; when it fails, one per image, so that the failure is pinned on its
     * image (null predictions mark those, their error is in {@code out}).
     */
    private List<List<Prediction>> predict(List<BufferedImage> images, List<Integer> at, List<Row> chunk, Scored[] out) {
        if (images.isEmpty()) {
            return List.of();
        }
        try {
            return classifier.predictBatch(images, topk);
        } catch (RuntimeException batchFailed) {
            List<List<Prediction>> one = new ArrayList<>();
            for (int j = 0; j < images.size(); j++) {
                try {
                    one.add(classifier.predict(images.get(j), topk));
                } catch (RuntimeException e) {
                    one.add(null);
                    out[at.get(j)] = Scored.failed(chunk.get(at.get(j)), "cannot classify: " + e.getMessage());
                }
            }
            return one;
        }
    }

    /** The file's bytes; its error, like binaryFile's rows, leaves the path to the path column. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new JclasException("image not found", "the file was removed after the job listed it");
        } catch (IOException e) {
            throw new JclasException("cannot read the image: " + e.getMessage(), "check the file's permissions");
        }
    }

    private BufferedImage decode(Row row) {
        if (contentField < 0) {
            return ImageDecoding.decode(read(Path.of(row.getString(pathField))));
        }
        if (row.isNullAt(contentField)) {
            throw new JclasException("no image data", "the content column is null for this row");
        }
        return ImageDecoding.decode((byte[]) row.get(contentField));
    }
}
