package io.jclas.analysis;

import io.jclas.layers.OpType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Every op of one traced forward with its multiply-adds and memory access, and their totals. */
public record ModelProfile(List<OpCost> ops) {
    /** The ops the ShuffleNetV2 paper's guideline G4 calls element-wise: no multiply-adds, all memory traffic. */
    public static final Set<OpType> ELEMENT_WISE = EnumSet.of(OpType.ACT, OpType.ADD, OpType.MUL, OpType.CONCAT,
            OpType.SLICE_CHANNELS, OpType.CHANNEL_SHUFFLE, OpType.SCALE);

    public ModelProfile {
        ops = List.copyOf(ops);
    }

    public long macs() {
        return ops.stream().mapToLong(OpCost::macs).sum();
    }

    public long flops() {
        return 2 * macs();
    }

    /** Elements read and written by the whole forward. */
    public long memoryAccess() {
        return ops.stream().mapToLong(OpCost::memoryAccess).sum();
    }

    public long memoryAccessBytes(Precision precision) {
        return precision.bytes(memoryAccess());
    }

    /** FLOPs per byte moved by the whole forward. */
    public double intensity(Precision precision) {
        long bytes = memoryAccessBytes(precision);
        return bytes == 0 ? 0 : (double) flops() / bytes;
    }

    /** Sum of every op's output elements: a lower bound of activation memory, in elements. */
    public long activationElements() {
        return ops.stream().mapToLong(o -> o.output().size()).sum();
    }

    /** The share of memory access spent in {@link #ELEMENT_WISE} ops (guideline G4). */
    public double elementWiseShare() {
        long total = memoryAccess();
        long elementWise = ops.stream().filter(o -> ELEMENT_WISE.contains(o.type())).mapToLong(OpCost::memoryAccess)
                .sum();
        return total == 0 ? 0 : (double) elementWise / total;
    }
}
