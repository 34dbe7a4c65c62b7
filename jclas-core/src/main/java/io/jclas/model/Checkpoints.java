package io.jclas.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.transform.Preprocessing;
import io.jclas.recipe.ConfigValidator;
import io.jclas.util.AtomicFiles;
import io.jclas.util.Json;
import io.jclas.zoo.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The one checkpoint format: {@code output/<Arch.name>/{latest,best_model,epoch_N}/} each with {@code
 * model.npz} (every parameter, {@link Weights}), {@code optimizer.npz} (optimizer slots {@code
 * "<slot>.<param>"}, the step count {@code "step"}, and with EMA the averages {@code "ema.<param>"}),
 * {@code state.json} (format version, epoch and step, metrics, best metric), {@code config.yaml} (the
 * resolved config) and {@code labels.txt} (one class name per line). Every directory is written
 * atomically. In {@code best_model} with EMA on, {@code model.npz} holds the averaged weights (those
 * that were evaluated); elsewhere it holds the trained weights, so that a resume continues exactly.
 */
public final class Checkpoints {
    public static final String LATEST = "latest";
    public static final String BEST = "best_model";
    public static final String OPTIMIZER = "optimizer.npz";
    public static final String STATE = "state.json";
    public static final String CONFIG = "config.yaml";
    public static final String LABELS = Labels.FILE_NAME;
    public static final String EMA_PREFIX = "ema.";
    /** The checkpoint format this jclas writes ({@code state.json} "format"; absent in the first one). */
    public static final int FORMAT = 1;

    private Checkpoints() {}

    /** The directory name of the checkpoint after {@code epoch}. */
    public static String epochDir(int epoch) {
        return "epoch_" + epoch;
    }

    /** Writes one checkpoint directory atomically. */
    public static void save(Path dir, Block net, Map<String, NDArray> optimizerState, Map<String, Object> state,
            Config config, List<String> labels) {
        CheckpointFiles.writeDirectory(dir, tmp -> {
            Weights.save(net, tmp.resolve(Weights.FILE_NAME));
            CrashTestHook.pauseIfAsked(state);
            CheckpointFiles.writeArrays(tmp.resolve(OPTIMIZER), optimizerState);
            AtomicFiles.writeString(tmp.resolve(STATE), Json.write(state) + "\n");
            config.save(tmp.resolve(CONFIG));
            Labels.write(tmp, labels, labels.size());
        });
    }

    /** A checkpoint directory given as itself or as a file inside it ({@code .../epoch_3/model.npz}). */
    public static Path directory(Path given, String what) {
        Path dir = Files.isRegularFile(given) ? given.toAbsolutePath().getParent() : given;
        CheckpointFiles.recover(dir);
        if (!Files.isRegularFile(dir.resolve(Weights.FILE_NAME))) {
            throw new JclasException(what + " " + given + " is not a checkpoint (no " + Weights.FILE_NAME + ")",
                    "point at a directory such as output/<Arch.name>/latest written by jclas train");
        }
        return dir;
    }

    /** The {@code state.json} of a checkpoint as a map; a damaged one or one of a newer format fails naming it. */
    public static Map<String, Object> readState(Path dir) {
        Path file = dir.resolve(STATE);
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JclasException("cannot read " + file + ": " + e.getMessage(),
                    "point at a checkpoint directory written by jclas train", e);
        } catch (YAMLException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new JclasException(file + " is truncated or damaged (not a JSON object)",
                    "use another checkpoint (epoch_N, best_model) or train again");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) m;
        if (state.get("format") instanceof Number f && f.intValue() > FORMAT) {
            throw new JclasException(file + " is checkpoint format " + f + ", newer than the " + FORMAT
                    + " this jclas reads", "open it with the jclas version that wrote it, or update jclas");
        }
        return state;
    }

    /** The class names of a checkpoint ({@code labels.txt}). */
    public static List<String> readLabels(Path dir) {
        if (!Files.isRegularFile(dir.resolve(LABELS))) {
            throw new JclasException("checkpoint " + dir + " has no " + LABELS,
                    "the checkpoint is incomplete; use one written by jclas train");
        }
        return Labels.read(dir);
    }

    /**
     * Restores the network of a checkpoint directory (or of a file inside it) for inference, with its
     * config, labels and preprocessing.
     */
    public static LoadedModel loadNetwork(Path dir, NDManager manager) {
        Path d = directory(dir, "checkpoint");
        if (Files.isRegularFile(d.resolve(STATE))) {
            readState(d); // refuses a damaged state.json or one of a newer format; weights alone need none
        }
        Path file = d.resolve(CONFIG);
        Config config;
        Network net;
        Preprocessing preprocess;
        try {
            config = Config.load(file, List.of());
            ConfigValidator.validate(config, ConfigValidator.Use.KEYS);
            net = Architecture.from(config).build(manager);
            preprocess = Preprocessing.fromConfig(config);
        } catch (JclasException e) {
            throw e.about(file, "the checkpoint is damaged; use another one (epoch_N, best_model) or train again");
        }
        Weights.load(net, d.resolve(Weights.FILE_NAME), false);
        return new LoadedModel(net, config, readLabels(d), preprocess);
    }
}
