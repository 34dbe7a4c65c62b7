package io.jclas.pretrained.paddle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.jclas.model.Architecture;
import io.jclas.pretrained.ImportReport;
import io.jclas.pretrained.KeyMap;
import io.jclas.pretrained.KeyMaps;
import io.jclas.pretrained.NamingScheme;
import io.jclas.pretrained.ParameterPaths;
import io.jclas.pretrained.PretrainedWeights;
import io.jclas.zoo.Models;
import io.jclas.zoo.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One model of every PaddleClas family, written as {@code paddle.save} writes it (a pickle of
 * protocol 2 or 4 with {@code StructuredToParameterName@@}; under protocol 2 the largest tensor
 * split into {@code key@@.0..2} with {@code UnpackBigParamInfor@@}, as Paddle splits tensors over
 * 2^30 bytes) with distinct random values in
 * every tensor, imported strictly into the jclas model: every key used, every parameter filled, and
 * each parameter's values those of its PaddleClas tensor (per-tensor fingerprints the script
 * computed from its own arrays, so a reader or key map slip cannot cancel out).
 */
class PaddleClasImportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} protocol {1}")
    @CsvSource({
        // protocol 2 on the small models: its byte strings take 1.5x the space, and AlexNet is 61M floats
        "ResNet18, 4", "ResNet18_vd, 4", "SE_ResNeXt50_vd_32x4d, 4", "ShuffleNetV2_x0_25, 2", "MobileNetV1_x0_25, 2",
        "MobileNetV2_x0_25, 4", "MobileNetV3_small_x0_35, 2", "GhostNet_x0_5, 2", "AlexNet, 4", "SqueezeNet1_1, 2",
        "DarkNet53, 4",
    })
    void importsEveryTensorIntoItsParameter(String architecture, int protocol) throws IOException {
        PaddleClasScript.assumeAvailable(true);
        Path file = dir.resolve(architecture + "_pretrained.pdparams");
        PaddleClasScript.call("write", architecture, file.toString(), String.valueOf(protocol), protocol < 4 ? "1" : "0");
        Map<String, double[]> fingerprints = readFingerprints(file.resolveSibling(file.getFileName() + ".tsv"));
        int size = Models.info(architecture).inputSize();
        Architecture arch = new Architecture(architecture, 1000, false, new int[] {3, size, size});
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = arch.build(manager);
            ImportReport report = PretrainedWeights.load(net, arch, file, true);
            List<ParameterPaths.Named> params = ParameterPaths.of(net);
            assertEquals(params.size(), report.filled(), report.lines().toString());
            assertEquals(List.of(), report.recreated());
            assertEquals(List.of(), report.unexpected());
            KeyMap map = KeyMaps.forFile(architecture, NamingScheme.PADDLECLAS, fingerprints.keySet());
            for (ParameterPaths.Named p : params) {
                KeyMap.Source source = map.sourceOf(p.path());
                double[] expected = fingerprints.remove(source.key());
                double[] actual = fingerprint(p.parameter(), source.layout());
                assertEquals(expected[0], actual[0], 1e-9 * expected[2], p.path() + " sum vs " + source.key());
                assertEquals(expected[1], actual[1], 1e-9 * expected[2], p.path() + " weighted sum vs " + source.key());
            }
            assertEquals(Map.of(), fingerprints, "tensors no parameter took");
        }
    }

    /** key → {sum, weighted sum, scale for the tolerance}. */
    private static Map<String, double[]> readFingerprints(Path tsv) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            long n = 1;
            for (String d : f[1].split(",")) {
                n *= Long.parseLong(d);
            }
            out.put(f[0], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), 10.0 * n});
        }
        return out;
    }

    /**
     * The script's fingerprint of the PaddleClas tensor a parameter came from: the sum, and the sum of
     * v[i] * ((i % 13) - 6) over the tensor in PaddleClas's C order, where a Linear weight is [in, out].
     */
    private static double[] fingerprint(Parameter parameter, KeyMap.Layout layout) {
        float[] v = parameter.getArray().toFloatArray();
        long[] shape = parameter.getShape().getShape();
        int out = (int) shape[0];
        int in = v.length / out;
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < v.length; i++) {
            // jclas index i of [out, in]; for a transposed Linear the PaddleClas index is in-major
            int paddle = layout == KeyMap.Layout.TRANSPOSED ? (i % in) * out + i / in : i;
            sum += v[i];
            weighted += (double) v[i] * ((paddle % 13) - 6);
        }
        return new double[] {sum, weighted};
    }
}
