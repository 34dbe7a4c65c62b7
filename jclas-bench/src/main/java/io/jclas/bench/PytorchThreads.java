package io.jclas.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count. The setting is process-wide (torch::set_num_threads), so the
 * benchmark sets it before each measurement instead of once at engine start.
 */
public final class PytorchThreads {
    private PytorchThreads() {}

    /** Sets the intra-op threads of the PyTorch engine, loading the engine if needed. */
    public static void set(int threads) {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
    }

    /** The current intra-op thread count. */
    public static int get() {
        Engine.getEngine("PyTorch");
        return JniUtils.getNumThreads();
    }
}
