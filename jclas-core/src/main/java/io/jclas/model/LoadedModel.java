package io.jclas.model;

import io.jclas.config.Config;
import io.jclas.data.transform.Preprocessing;
import io.jclas.zoo.Network;
import java.util.List;

/**
 * A network restored from a checkpoint directory, ready for inference.
 *
 * @param net the initialised network with the checkpoint's weights
 * @param config the checkpoint's resolved {@code config.yaml}
 * @param labels class names by class id ({@code labels.txt})
 * @param preprocess the preprocessing the model was evaluated with
 */
public record LoadedModel(Network net, Config config, List<String> labels, Preprocessing preprocess) {}
