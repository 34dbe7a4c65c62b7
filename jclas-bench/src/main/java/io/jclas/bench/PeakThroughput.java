package io.jclas.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The machine's own float32 compute peak, measured as a large matrix product through the PyTorch
 * engine: the floor every latency is compared with.
 */
public final class PeakThroughput {
    private PeakThroughput() {}

    /**
     * GFLOP/s of the fastest of {@code repeats} products of two n x n matrices (2 n^3 FLOPs each)
     * at the given intra-op thread count.
     */
    public static double gflops(int threads, int n, int repeats) {
        PytorchThreads.set(threads);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(n, n));
            NDArray b = manager.randomUniform(-1f, 1f, new Shape(n, n));
            a.matMul(b).close(); // warm-up: first call allocates and picks kernels
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // the CPU engine is synchronous; reading one value makes that explicit
                best = Math.min(best, System.nanoTime() - t0);
                c.close();
            }
            return 2.0 * n * n * n / best;
        }
    }
}
