package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.pretrained.PretrainedWeights;
import io.jclas.pretrained.TorchvisionReference;
import io.jclas.pretrained.TorchvisionReference.Case;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * torchvision's models, imported as jclas checkpoints and exported to ONNX, give torchvision's
 * logits on ONNX Runtime within 1e-4 of the logit scale: the import, BatchNorm folding and the
 * exported graph together against the real torchvision. Skipped, with the reason, where Debian's
 * python3-torch/python3-torchvision are not installed.
 */
class TorchvisionOnnxTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws Exception {
        TorchvisionReference.generate(dir, cases().toList());
    }

    /**
     * The zip-format cases (the legacy file reads into the same arrays, TorchvisionImportTest) but
     * ResNet101/152, whose blocks are ResNet50's, and AlexNet, whose 61M parameters take half a minute
     * to export: they agreed within 2.1e-6 when run once (docs/weights.md) and stay in the PyTorch test.
     */
    static Stream<Case> cases() {
        List<String> slowToExport = List.of("ResNet101", "ResNet152", "AlexNet");
        return TorchvisionReference.CASES.stream().filter(c -> !c.legacy() && !slowToExport.contains(c.jclas()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportedImportGivesTorchvisionsLogitsOnOnnxRuntime(Case c) throws Exception {
        Path checkpoint = dir.resolve(c.jclas() + "-checkpoint");
        PretrainedWeights.writeCheckpoint(TorchvisionReference.file(dir, c),
                c.config(), checkpoint);
        Path inference = dir.resolve(c.jclas() + "-inference");
        Exporter.exportCheckpoint(checkpoint, inference);
        float[] logits = OnnxExporterTest.runOrt(inference.resolve("model.onnx"), TorchvisionReference.input(dir, c),
                TorchvisionReference.inputShape(c));
        double diff = TorchvisionReference.relativeMaxDiff(logits, TorchvisionReference.logits(dir, c));
        System.out.printf(Locale.ROOT, "torchvision %s on ONNX Runtime: max |diff| / logit scale = %.2e%n", c, diff);
        assertTrue(diff <= TOLERANCE, c + ": max difference " + diff + " of the logit scale");
    }
}
