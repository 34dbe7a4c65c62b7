package io.jclas.bench;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.jclas.data.Batch;
import io.jclas.onnx.OnnxExporter;
import io.jclas.onnx.quant.CalibrationData;
import io.jclas.onnx.quant.QuantizeOptions;
import io.jclas.onnx.quant.Quantizer;
import io.jclas.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The parts of jclas the benchmark drives but does not own: the ONNX exporter and quantizer (module jclas-onnx)
 * and the training engine (io.jclas.train, through {@link EngineTrainingRunner}). Each is one
 * method so the benchmark's own tests can replace them.
 */
public final class Integrations {
    private Integrations() {}

    public static OnnxExport onnxExport() {
        return OnnxExporter::export;
    }

    /**
     * io.jclas.onnx.quant with min-max calibration on 16 seeded random images: latency does not
     * depend on the weights' values, and a random-weight model has no data to be accurate on.
     */
    public static OnnxQuantize onnxQuantize() {
        return (fp32File, channels, size, int8File) -> {
            ModelProto fp32 = readModel(fp32File);
            List<Batch> images = List.of(randomBatch(8, channels, size, 1), randomBatch(8, channels, size, 2));
            ModelProto int8 = Quantizer.quantize(fp32, new CalibrationData(images.subList(0, 1), images.subList(1, 2)),
                    QuantizeOptions.defaults().withForce(true)).model();
            AtomicFiles.write(int8File, int8::writeTo);
        };
    }

    private static ModelProto readModel(Path file) {
        try {
            return ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Batch randomBatch(int n, int channels, int size, long seed) {
        return new Batch(MemoryProbe.randomInput(n * channels * size * size, seed), n, channels, size, size, new int[n],
                null);
    }

    static TrainingRunner trainingRunner() {
        return new EngineTrainingRunner();
    }
}
