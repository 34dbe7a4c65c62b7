package io.jclas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.Sequential;
import io.jclas.zoo.ModelOptions;
import io.jclas.zoo.Network;
import org.junit.jupiter.api.Test;

/** The PyTorch side of the latency dimension on a hand-built network (no zoo needed). */
class PytorchRunnerTest {
    @Test
    void forwardsLeaveNoTensorsBehindInTheCallersManager() {
        Network net = new Network(ConvBnAct.builder(3, 8, 3).optStride(2).build(), 8,
                new Sequential().add(new io.jclas.layers.GlobalAvgPool(false)).add(new Fc(8, 10)),
                ModelOptions.defaults().withClassNum(10));
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(2, 3, 16, 16);
            net.initialize(manager, DataType.FLOAT32, shape);
            int before = manager.getManagedArrays().size();
            try (ForwardRunner runner = new PytorchRunner(net, manager, MemoryProbe.randomInput(2 * 3 * 16 * 16, 1), shape)) {
                double[] ms = LatencyMeter.sample(runner, 1, 3);
                assertTrue(ms[0] > 0);
            }
            assertEquals(before, manager.getManagedArrays().size());
        }
    }

    @Test
    void threadSettingReachesTheEngineAndPeakIsPositive() {
        PytorchThreads.set(1);
        assertEquals(1, PytorchThreads.get());
        double gflops = PeakThroughput.gflops(1, 128, 3);
        assertTrue(gflops > 0.01 && gflops < 1e5, "peak " + gflops);
    }
}
