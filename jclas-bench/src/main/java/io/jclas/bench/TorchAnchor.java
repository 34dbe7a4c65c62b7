package io.jclas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The PyTorch-eager anchor: torchvision's version of a zoo model, timed by {@code torch_anchor.py}
 * (a resource of this package) in Debian's Python, the loop a user would otherwise write. One child
 * process per call; the script's JSON answer is read back.
 */
final class TorchAnchor {
    private static final String SCRIPT = "torch_anchor.py";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 30;

    /** Zoo name to torchvision name; the note says where the two networks differ. */
    private static final Map<String, String[]> TORCHVISION = Map.of(
            "ResNet18", new String[] {"resnet18", ""},
            "ResNet50", new String[] {"resnet50", ""},
            "ResNet18_vd", new String[] {"resnet18", "torchvision resnet18: no vd stem (3 convs) or avg-pool shortcut"},
            "ResNet50_vd", new String[] {"resnet50", "torchvision resnet50: no vd stem (3 convs) or avg-pool shortcut"},
            "ShuffleNetV2_x1_0", new String[] {"shufflenet_v2_x1_0", ""},
            "MobileNetV2", new String[] {"mobilenet_v2", ""});

    private final Path python;
    private final Path script;
    private final String versions;

    private TorchAnchor(Path python, Path script, String versions) {
        this.python = python;
        this.script = script;
        this.versions = versions;
    }

    /**
     * The anchor with the script copied into {@code workDir}.
     *
     * @throws IllegalStateException saying why when {@code python} cannot import torch and torchvision
     */
    static TorchAnchor open(Path python, Path workDir) {
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException(python + " not found (install python3-torch and python3-torchvision)");
        }
        Path script = workDir.resolve(SCRIPT);
        try (InputStream in = TorchAnchor.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
        String versions = ChildProcess.lastLine(ChildProcess.run(List.of(python.toString(), "-c",
                "import torch, torchvision; print('torch', torch.__version__, 'torchvision', torchvision.__version__)"),
                python.toString(), TIMEOUT_MINUTES));
        return new TorchAnchor(python, script, versions);
    }

    /** "torch X torchvision Y" of the Python that runs the anchor. */
    String versions() {
        return versions;
    }

    /** Whether torchvision has this zoo model. */
    static boolean covers(String model) {
        return TORCHVISION.containsKey(model);
    }

    /** Where torchvision's network differs from the zoo model, empty when it is the same. */
    static String note(String model) {
        return TORCHVISION.get(model)[1];
    }

    /** Median and p90 forward latency at every batch size and thread count of the options. */
    List<LatencyResult> latencies(String model, BenchmarkOptions o) {
        List<String> args = network(model, o.inputChannels(), o.inputSize(), o.smallInput(), o.classNum());
        args.addAll(List.of("--batches", join(o.batchSizes()), "--threads", join(o.threads()),
                "--warmup", Integer.toString(o.warmup()), "--iterations", Integer.toString(o.iterations())));
        List<LatencyResult> rows = new ArrayList<>();
        for (JsonNode r : rows("latency", args)) {
            rows.add(new LatencyResult(AnchorResult.TORCH_EAGER, r.get("batch").asInt(), r.get("threads").asInt(),
                    r.get("median_ms").asDouble(), r.get("p90_ms").asDouble(), Double.NaN, null, Double.NaN));
        }
        return rows;
    }

    /** Training img/s of {@code steps} timed steps (after {@code warmup}) with the setup of a jclas run. */
    double trainImagesPerSecond(String model, TrainingResult.Setup s, int warmup, int steps) {
        List<String> args = network(model, s.channels(), s.size(), s.smallInput(), s.classNum());
        args.addAll(List.of("--batches", Integer.toString(s.batch()), "--threads", Integer.toString(s.threads()),
                "--warmup", Integer.toString(warmup), "--iterations", Integer.toString(steps)));
        return rows("train", args).get(0).get("img_per_s").asDouble();
    }

    /** PyTorch's own float32 matmul peak in Python at each thread count (GFLOP/s). */
    Map<Integer, Double> matmulPeak(List<Integer> threads) {
        return rows("peak", new ArrayList<>(List.of("--threads", join(threads)))).stream()
                .collect(Collectors.toMap(r -> r.get("threads").asInt(), r -> r.get("gflops").asDouble()));
    }

    private static List<String> network(String model, int channels, int size, boolean smallInput, int classNum) {
        List<String> args = new ArrayList<>(List.of("--model", TORCHVISION.get(model)[0],
                "--channels", Integer.toString(channels), "--size", Integer.toString(size),
                "--classes", Integer.toString(classNum)));
        if (smallInput) {
            args.add("--small-input");
        }
        return args;
    }

    private List<JsonNode> rows(String mode, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), mode));
        cmd.addAll(args);
        String out = ChildProcess.run(cmd, "the PyTorch anchor", TIMEOUT_MINUTES);
        try {
            String last = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("the PyTorch anchor printed no result: " + out));
            List<JsonNode> rows = new ArrayList<>();
            JSON.readTree(last).get("rows").forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer of the PyTorch anchor: " + e.getMessage(), e);
        }
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
