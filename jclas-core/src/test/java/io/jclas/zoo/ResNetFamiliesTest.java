package io.jclas.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.jclas.analysis.ModelStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResNetFamiliesTest {
    static final String[] NAMES = {"ResNet18", "ResNet200_vd", "SE_ResNeXt50_32x4d", "SE_ResNeXt50_vd_32x4d", "SENet154_vd", "AlexNet", "SqueezeNet1_0", "SqueezeNet1_1",
        "DarkNet53"};

    @Test
    void probe() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("ZOOA_PROBE") != null);
        List<String> out = new ArrayList<>();
        for (String name : NAMES) {
            ModelInfo info = Models.info(name);
            Network net = Models.create(name);
            long params = ModelStats.params(net);
            long macs = System.getenv("ZOOA_MACS") != null ? ModelStats.macs(net, 3, info.inputSize(), info.inputSize()) : -1;
            StringBuilder ok = new StringBuilder();
            net = Models.create(name);
            try (NDManager m = NDManager.newBaseManager()) {
                int first = -1, last = -1;
                int lo = name.equals("AlexNet") ? 218 : name.startsWith("Squeeze") ? 15 : 1;
                int hi = name.equals("AlexNet") ? 260 : name.startsWith("Squeeze") ? 40 : 3;
                for (int s = lo; s <= hi; s++) {
                    boolean works = runs(net, m, s);
                    if (works && first < 0) first = s;
                    if (works) last = s;
                    if (!works && first > 0 && !name.equals("AlexNet")) { ok.append(" gap at ").append(s); }
                }
                ok.append(" min=").append(first).append(" lastInScan=").append(last);
            }
            String line = name + "," + params + "," + macs + "," + ok;
            out.add(line);
            Files.write(Path.of("/tmp/zooA/probe.txt"), out);
        }
    }

    private static boolean runs(Network net, NDManager m, int s) {
        try (NDManager sub = m.newSubManager()) {
            if (!net.isInitialized()) {
                net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 224, 224));
            }
            NDArray x = sub.randomNormal(new Shape(2, 3, s, s));
            ParameterStore ps = new ParameterStore(sub, false);
            net.forward(ps, new NDList(x), false).singletonOrThrow().sum().getFloat();
            net.forward(ps, new NDList(x), true).singletonOrThrow().sum().getFloat();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
