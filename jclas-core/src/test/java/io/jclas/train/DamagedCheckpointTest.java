package io.jclas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.jclas.model.Architecture;
import io.jclas.model.Checkpoints;
import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.zoo.Network;
import io.jclas.model.Weights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint that is truncated, of another architecture or of a newer format fails in one line naming the file. */
class DamagedCheckpointTest {
    @TempDir
    Path tmp;

    Path dir;

    static final String CONFIG = "Global: {image_shape: [1, 28, 28]}\nArch: {name: ShuffleNetV2_x0_25, class_num: 10,"
            + " small_input: true}\nInfer: {transforms: [{ResizeImage: {size: 28}}, {NormalizeImage: {mean: [0.5],"
            + " std: [0.5]}}, {ToCHWImage: null}]}\n";

    @BeforeEach
    void writeCheckpoint() {
        dir = tmp.resolve("latest");
        Config config = Config.fromYaml(CONFIG);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", Checkpoints.FORMAT);
        state.put("epoch", 1);
        state.put("arch", "ShuffleNetV2_x0_25");
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = Architecture.from(config).build(m);
            Checkpoints.save(dir, net, Map.of(), state, config, List.of("a", "b"));
        }
    }

    private JclasException loadFails() {
        try (NDManager m = NDManager.newBaseManager()) {
            JclasException e = assertThrows(JclasException.class, () -> Checkpoints.loadNetwork(dir, m));
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            return e;
        }
    }

    private void truncate(String file) throws Exception {
        Path f = dir.resolve(file);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
    }

    @Test
    void intactCheckpointLoads() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(List.of("a", "b"), Checkpoints.loadNetwork(dir, m).labels());
        }
    }

    @Test
    void truncatedWeights() throws Exception {
        truncate(Weights.FILE_NAME);
        JclasException e = loadFails();
        assertTrue(e.getMessage().startsWith("cannot read weights " + dir.resolve(Weights.FILE_NAME)), e.getMessage());
    }

    @Test
    void truncatedStateAndConfig() throws Exception {
        Files.writeString(dir.resolve(Checkpoints.STATE), "{\"format\": 1, \"epo");
        assertEquals(dir.resolve(Checkpoints.STATE) + " is truncated or damaged (not a JSON object)", loadFails().getMessage());
        writeCheckpoint();
        Files.writeString(dir.resolve(Checkpoints.CONFIG), "Global: {image_shape: [1, 28, 28]}\nArch: {na");
        assertTrue(loadFails().getMessage().startsWith("invalid YAML in " + dir.resolve(Checkpoints.CONFIG)));
        Files.writeString(dir.resolve(Checkpoints.CONFIG), "Global: {image_shape: [1, 28, 28]}\n");
        assertEquals(dir.resolve(Checkpoints.CONFIG) + ": missing config key Arch.name", loadFails().getMessage());
    }

    @Test
    void itsConfigPassesTheOneCheckOfEveryConfig() throws Exception {
        Files.writeString(dir.resolve(Checkpoints.CONFIG), CONFIG.replace("class_num: 10", "class_num: 1"));
        assertEquals(dir.resolve(Checkpoints.CONFIG) + ": config key Arch.class_num is '1', expected an integer of at least 2",
                loadFails().getMessage());
        Files.writeString(dir.resolve(Checkpoints.CONFIG), CONFIG.replace("image_shape: [1, 28, 28]", "image_shape: [28, 28]"));
        assertTrue(loadFails().getMessage().startsWith(dir.resolve(Checkpoints.CONFIG) + ": config key Global.image_shape"),
                loadFails().getMessage());
    }

    @Test
    void weightsOfAnotherArchitecture() throws Exception {
        Files.writeString(dir.resolve(Checkpoints.CONFIG), CONFIG.replace("ShuffleNetV2_x0_25", "ShuffleNetV2_x0_5"));
        JclasException e = loadFails();
        assertTrue(e.getMessage().startsWith("weights in " + dir.resolve(Weights.FILE_NAME) + " do not fit this model"),
                e.getMessage());
    }

    @Test
    void resumingAnotherArchitectureNamesBoth() {
        Config other = MidEpochResumeTest.config(tmp.resolve("out")).set("Global.checkpoints", dir.toString());
        JclasException e = assertThrows(JclasException.class, () -> TrainingEngine.train(other, new TrainListener() {}));
        assertEquals("Global.checkpoints " + dir + " holds a ShuffleNetV2_x0_25 checkpoint (state.json), but the config"
                + " trains " + MidEpochResumeTest.ARCH, e.getMessage());
    }

    @Test
    void newerFormat() throws Exception {
        Files.writeString(dir.resolve(Checkpoints.STATE), "{\"format\": 7, \"epoch\": 1}\n");
        assertEquals(dir.resolve(Checkpoints.STATE) + " is checkpoint format 7, newer than the 1 this jclas reads",
                loadFails().getMessage());
    }
}
