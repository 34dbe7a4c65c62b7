package io.jclas.cli;

import io.jclas.data.ImageDecoding;
import io.jclas.infer.Classifier;
import io.jclas.infer.Prediction;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Top-k predictions of image files, run in batches, and their console and JSON forms. */
final class Predictions {
    private Predictions() {}

    /** Top-k for each file, {@code batch} images per forward. */
    static List<List<Prediction>> run(Classifier classifier, List<Path> files, int topk, int batch) {
        List<List<Prediction>> results = new ArrayList<>();
        for (int from = 0; from < files.size(); from += batch) {
            List<BufferedImage> chunk = new ArrayList<>();
            for (Path f : files.subList(from, Math.min(files.size(), from + batch))) {
                chunk.add(ImageDecoding.read(f));
            }
            results.addAll(classifier.predictBatch(chunk, topk));
        }
        return results;
    }

    /** One line per image: {@code path:  label score  label score ...}. */
    static void print(List<Path> files, List<List<Prediction>> results, PrintWriter out) {
        for (int i = 0; i < files.size(); i++) {
            StringBuilder line = new StringBuilder(files.get(i).toString()).append(':');
            for (Prediction p : results.get(i)) {
                line.append(String.format(Locale.ROOT, "  %s %.4f", p.label(), p.score()));
            }
            out.println(line);
        }
        out.flush();
    }

    /** {@code [{image, topk: [{class_id, label, score}]}]}. */
    static String json(List<Path> files, List<List<Prediction>> results) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            List<Map<String, Object>> top = new ArrayList<>();
            for (Prediction p : results.get(i)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("class_id", p.classId());
                m.put("label", p.label());
                m.put("score", p.score());
                top.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("image", files.get(i).toString());
            m.put("topk", top);
            list.add(m);
        }
        return Json.pretty(list);
    }
}
