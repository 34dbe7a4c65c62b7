package io.jclas.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.jclas.JclasException;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.ClassifierOptions;
import io.jclas.model.InferenceFiles;
import io.jclas.model.InferenceYaml;
import io.jclas.zoo.Network;
import io.jclas.zoo.ModelInfo.InputDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An inference directory that is truncated, mixed with another export or of a newer format fails in one line naming the file. */
class DamagedInferenceDirTest {
    private static final Preprocessing SPEC = Preprocessing.centerCrop(3, 36, 32, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std());

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void export() {
        dir = tmp.resolve("inference");
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = TestNets.everyOp(3, 10);
            TestNets.randomize(net, manager, 3, 32, 3);
            Exporter.export(net, "EveryOp", SPEC, List.of(), dir);
        }
    }

    private JclasException openFails() {
        JclasException e = assertThrows(JclasException.class, () -> OrtClassifier.open(dir, ClassifierOptions.defaults()));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private void truncate(String file) throws Exception {
        byte[] all = Files.readAllBytes(dir.resolve(file));
        Files.write(dir.resolve(file), Arrays.copyOf(all, all.length / 2));
    }

    @Test
    void intactDirectoryOpensAndSaysItsFormat() throws Exception {
        OrtClassifier.open(dir, ClassifierOptions.defaults()).close();
        assertTrue(Files.readString(dir.resolve(InferenceFiles.INFERENCE_YAML)).contains("format_version: 1"));
    }

    @Test
    void truncatedModel() throws Exception {
        truncate(InferenceFiles.MODEL);
        assertTrue(openFails().getMessage().startsWith("ONNX Runtime cannot load " + dir.resolve(InferenceFiles.MODEL)
                + " (truncated, damaged or not ONNX)"));
    }

    @Test
    void truncatedInferenceYaml() throws Exception {
        truncate(InferenceFiles.INFERENCE_YAML);
        assertTrue(openFails().getMessage().contains(dir.resolve(InferenceFiles.INFERENCE_YAML).toString()));
    }

    @Test
    void filesOfAnotherExport() throws Exception {
        InferenceYaml.write(dir, "ResNet50", SPEC, 1000);
        assertEquals(dir.resolve(InferenceFiles.INFERENCE_YAML) + " describes a model of 1000 classes, but model.onnx"
                + " outputs 10", openFails().getMessage());
        InferenceYaml.write(dir, "EveryOp", SPEC, 10);
        Files.writeString(dir.resolve(InferenceFiles.LABELS), "cat\ndog\n");
        assertEquals(dir.resolve(InferenceFiles.LABELS) + " names 2 classes, but model.onnx outputs 10",
                openFails().getMessage());
        Files.delete(dir.resolve(InferenceFiles.LABELS));
        InferenceYaml.write(dir, "EveryOp", Preprocessing.centerCrop(3, 256, 224, InputDefaults.IMAGENET.mean(), InputDefaults.IMAGENET.std()), 10);
        assertTrue(openFails().getMessage().startsWith(dir.resolve(InferenceFiles.MODEL) + " takes input"));
    }

    @Test
    void newerFormat() throws Exception {
        Path yml = dir.resolve(InferenceFiles.INFERENCE_YAML);
        Files.writeString(yml, Files.readString(yml).replace("format_version: 1", "format_version: 3"));
        assertEquals(yml + " is inference format 3, newer than the 1 this jclas reads", openFails().getMessage());
    }
}
