package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.data.Batch;
import io.jclas.infer.Classifier;
import io.jclas.onnx.quant.CalibrationData;
import io.jclas.onnx.quant.QuantizeOptions;
import io.jclas.onnx.quant.Quantizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint quantized to an inference directory that every classifier entry point opens, and bad calibration data refused. */
class QuantizedCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void quantizedDirectoryOpensAndIsSmall() throws Exception {
        Path checkpoint = CheckpointExportTest.writeCheckpoint(tmp);
        Path fp32 = tmp.resolve("fp32");
        Exporter.exportCheckpoint(checkpoint, fp32);
        Path int8 = tmp.resolve("int8");
        CalibrationData data = new CalibrationData(gray(1, 2, 8), gray(2, 2, 8));
        var r = Quantizer.export(checkpoint, data, QuantizeOptions.defaults().withForce(true), int8);

        assertEquals(16, r.report().calibrationImages());
        assertEquals(16, r.report().holdoutImages());
        String json = Files.readString(int8.resolve(Quantizer.REPORT));
        // the stem Conv reads the image in float (float_stems), so the first scale is its output's
        assertTrue(json.contains("\"method\": \"minmax\"") && json.contains("\"float_stems\": [\"")
                && json.contains("\": {\"scale\"") && !json.contains("\"image\": {\"scale\""), json);
        double ratio = (double) Files.size(int8.resolve("model.onnx")) / Files.size(fp32.resolve("model.onnx"));
        // 0.34 here: a 0.2 M-parameter net pays per-channel scales and names; the zoo models stay under 0.3
        assertTrue(ratio < 0.35, "int8 / fp32 file size " + ratio);
        try (Classifier c = Classifier.load(int8)) {
            assertEquals(OrtClassifier.ENGINE, c.describe().engine());
            assertEquals(3, c.predict(OrtClassifierTest.images(1, 3).get(0), 3).size());
        }
    }

    @Test
    void emptyCalibrationDataIsOneLineAndWritesNothing() throws Exception {
        assertRefused(new CalibrationData(List.of(), gray(2, 1, 4)), "has no images");
    }

    @Test
    void noHoldoutImagesIsOneLineAndWritesNothing() throws Exception {
        assertRefused(CalibrationData.split(gray(1, 1, 8), 8, 100), "no images are left to check");
    }

    @Test
    void wrongChannelsAreOneLineAndWriteNothing() throws Exception {
        List<Batch> rgb = QuantizedZooTest.batches(1, 1, 4, 28);
        assertRefused(new CalibrationData(rgb, rgb), "[3, 28, 28] but the model takes [1, 28, 28]");
    }

    private void assertRefused(CalibrationData data, String message) throws Exception {
        Path checkpoint = CheckpointExportTest.writeCheckpoint(tmp);
        Path out = tmp.resolve("int8");
        JclasException e = assertThrows(JclasException.class,
                () -> Quantizer.export(checkpoint, data, QuantizeOptions.defaults(), out));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Seeded 1x28x28 batches of pixels normalised as the checkpoint's config does ([-1, 1]). */
    private static List<Batch> gray(long seed, int count, int n) {
        java.util.Random r = new java.util.Random(seed);
        return java.util.stream.Stream.generate(() -> {
            float[] x = new float[n * 28 * 28];
            for (int i = 0; i < x.length; i++) {
                x[i] = 2 * r.nextFloat() - 1;
            }
            return new Batch(x, n, 1, 28, 28, new int[n], null);
        }).limit(count).toList();
    }
}
