package io.jclas.train;

import io.jclas.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code metrics.jsonl}: one JSON object per training epoch ({@code "type": "train"}) and per
 * evaluation ({@code "type": "eval"}), appended as they happen, plus the history that {@code curves.png}
 * is drawn from. A resumed run keeps the lines up to the epoch it resumes from.
 */
final class MetricsLog {
    private final Path file;
    private final List<Integer> epochs = new ArrayList<>();
    private final List<Double> trainLoss = new ArrayList<>();
    private final List<Double> trainTop1 = new ArrayList<>();
    private final List<Integer> evalEpochs = new ArrayList<>();
    private final List<Double> evalTop1 = new ArrayList<>();

    /** Starts a log; with {@code keepUpToEpoch} >= 1 the existing lines of those epochs are kept. */
    MetricsLog(Path file, int keepUpToEpoch) {
        this.file = file;
        List<String> kept = new ArrayList<>();
        if (keepUpToEpoch > 0 && Files.isRegularFile(file)) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && yaml.load(line) instanceof Map<?, ?> m
                            && m.get("epoch") instanceof Number e && e.intValue() <= keepUpToEpoch) {
                        kept.add(line);
                        remember(m);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    void epoch(TrainListener.EpochSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "train");
        m.put("epoch", s.epoch());
        m.put("loss", s.loss());
        m.put("top1", s.top1());
        m.put("lr", s.lr());
        m.put("seconds", s.seconds());
        m.put("images_per_second", s.imagesPerSecond());
        m.put("loader_images_per_second", s.loaderImagesPerSecond());
        m.put("cpu_cores", s.cpuCores());
        append(m);
    }

    void eval(int epoch, EvalResult r, boolean best) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "eval");
        m.put("epoch", epoch);
        m.put("top1", r.top1());
        m.put("top5", r.top5());
        m.put("loss", r.loss());
        m.put("macro_f1", r.macroF1());
        m.put("images_per_second", r.imagesPerSecond());
        m.put("best", best);
        append(m);
    }

    private void append(Map<String, Object> m) {
        remember(m);
        try {
            Files.writeString(file, Json.write(m) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private void remember(Map<?, ?> m) {
        int epoch = ((Number) m.get("epoch")).intValue();
        if ("train".equals(m.get("type"))) {
            epochs.add(epoch);
            trainLoss.add(number(m.get("loss")));
            trainTop1.add(number(m.get("top1")));
        } else {
            evalEpochs.add(epoch);
            evalTop1.add(number(m.get("top1")));
        }
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Draws {@code curves.png} from everything logged. */
    void writeCurves(Path png) {
        if (!epochs.isEmpty()) {
            TrainingCurves.write(png, epochs, trainLoss, trainTop1, evalEpochs, evalTop1);
        }
    }
}
