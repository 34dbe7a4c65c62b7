package io.jclas.cli;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.DataLoader;
import io.jclas.data.transform.Preprocessing;
import io.jclas.onnx.quant.CalibrationData;
import io.jclas.onnx.quant.CalibrationMethod;
import io.jclas.onnx.quant.QuantizeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Mixin: the {@code jclas export --quantize int8} options and the calibration data they name. */
final class QuantizeArgs {
    @Option(names = "--quantize", paramLabel = "int8",
            description = "Write a post-training static int8 QDQ model (uint8 activations, int8 weights).")
    String quantize;

    @Option(names = "--calibration", paramLabel = "SECTION", defaultValue = "DataLoader.Eval",
            description = "Config section whose dataset gives the calibration images, preprocessed as the model's "
                    + "input (Infer.transforms, else DataLoader.Eval's ops) (default: ${DEFAULT-VALUE}).")
    String calibration;

    @Option(names = "--calibration-images", paramLabel = "N", defaultValue = "256",
            description = "Images calibration runs over (default: ${DEFAULT-VALUE}).")
    int calibrationImages;

    @Option(names = "--holdout", paramLabel = "SECTION",
            description = "Config section of the accuracy check images (default: the --calibration section, "
                    + "the images after those calibration used).")
    String holdout;

    @Option(names = "--holdout-images", paramLabel = "N", defaultValue = "1000",
            description = "Images of the fp32 vs int8 Top-1 check (default: ${DEFAULT-VALUE}).")
    int holdoutImages;

    @Option(names = "--method", paramLabel = "minmax|percentile|entropy", defaultValue = "minmax",
            description = "Activation range calibration (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--per-channel", paramLabel = "true|false", defaultValue = "true", arity = "1",
            description = "One weight scale per output channel (default: ${DEFAULT-VALUE}).")
    boolean perChannel;

    @Option(names = "--reduce-range", paramLabel = "true|false", defaultValue = "false", arity = "1",
            description = "7-bit weights, for x86 CPUs with AVX2 but no VNNI (default: ${DEFAULT-VALUE}).")
    boolean reduceRange;

    @Option(names = "--exclude", paramLabel = "NODE", split = ",",
            description = "Nodes of model.onnx to keep in float (repeatable or comma-separated).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--max-drop", paramLabel = "POINTS", defaultValue = "1.0",
            description = "Fail when int8 Top-1 is more than this many points below fp32 (default: ${DEFAULT-VALUE}).")
    double maxDrop;

    @Option(names = "--force", description = "Write the int8 model even past --max-drop.")
    boolean force;

    /** Whether int8 was asked for; anything but int8 is refused. */
    boolean requested() {
        if (quantize != null && !quantize.equals("int8")) {
            throw new JclasException("unknown --quantize '" + quantize + "'", "use --quantize int8");
        }
        return quantize != null;
    }

    QuantizeOptions options() {
        return new QuantizeOptions(CalibrationMethod.parse(method), perChannel, reduceRange, Set.copyOf(exclude),
                maxDrop, force);
    }

    /** The calibration and holdout images, loaded with the sections' own eval transforms. */
    CalibrationData data(Config config) {
        if (calibrationImages < 1 || holdoutImages < 1) {
            throw new JclasException("--calibration-images and --holdout-images must be at least 1",
                    "use e.g. --calibration-images 256 --holdout-images 1000");
        }
        if (holdout == null || holdout.equals(calibration)) {
            return CalibrationData.split(loader(config, calibration), calibrationImages, holdoutImages);
        }
        return CalibrationData.of(loader(config, calibration), calibrationImages, loader(config, holdout),
                holdoutImages);
    }

    private static DataLoader loader(Config config, String section) {
        if (!config.has(section + ".dataset")) {
            throw new JclasException("the config has no " + section + ".dataset to calibrate on",
                    "name a loader section of the checkpoint's config.yaml, e.g. --calibration DataLoader.Eval");
        }
        // the model's preprocessing, not the section's ops: int8 scales must fit the pixels deployment feeds
        return DataLoader.create(config.section(section), Preprocessing.fromConfig(config).transforms(),
                config.getInt("Arch.class_num", 1000), config.getInt("Global.seed", 42), 0);
    }
}
