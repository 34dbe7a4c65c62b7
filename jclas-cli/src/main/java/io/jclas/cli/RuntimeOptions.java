package io.jclas.cli;

import io.jclas.config.Config;
import io.jclas.infer.ClassifierOptions;
import picocli.CommandLine.Option;

/** Mixin: where and how wide inference and training run. */
final class RuntimeOptions {
    @Option(names = "--device", paramLabel = "DEV",
            description = "cpu, gpu or gpu:N where the runtime has one (default: Global.device, else cpu).")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Intra-op threads of the runtime; 0 = its default (one per core).")
    int threads;

    /** Classifier options carrying these settings. */
    ClassifierOptions classifierOptions() {
        ClassifierOptions o = ClassifierOptions.defaults().withThreads(threads);
        return device == null ? o : o.withDevice(device);
    }

    /** Applies these settings to a training or evaluation config: Global.device and Global.threads. */
    Config applyTo(Config config) {
        if (device != null) {
            config.set("Global.device", device);
        }
        if (threads > 0) {
            config.set("Global.threads", threads);
        }
        return config;
    }
}
