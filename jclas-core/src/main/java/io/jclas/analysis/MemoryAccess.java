package io.jclas.analysis;

import ai.djl.ndarray.NDArray;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.Trace.TracedOp;

/**
 * Memory-access cost of one traced op as the ShuffleNetV2 paper (Ma et al., ECCV 2018, section
 * 2.1) defines it: the elements an op must read and write when nothing stays in cache. A
 * convolution reads its input feature map and its weights and writes its output map (a 1x1
 * convolution from c1 to c2 channels on h x w: hw(c1 + c2) + c1 c2); an element-wise op, pooling,
 * concat, split and channel shuffle read their inputs and write their output. A reshape moves
 * nothing. BatchNorm and the activation of a {@link ConvBnAct} are fused into the convolution at
 * inference (the exported model folds them), so they add nothing, and, as in the paper, the
 * per-channel bias is not counted.
 *
 * <p>The name is "memory access" on purpose: "MACs" stays multiply-accumulates.
 */
public final class MemoryAccess {
    private MemoryAccess() {}

    /** Elements read and written by {@code op}. */
    public static long elements(TracedOp op) {
        long written = op.output().size();
        return switch (op.type()) {
            case CONV_BN_ACT -> read(op) + written + weights((ConvBnAct) op.layer());
            case FC -> read(op) + written + (long) ((Fc) op.layer()).inFeatures() * ((Fc) op.layer()).outFeatures();
            case FLATTEN -> 0;
            // a scale of 1 is inference-time dropout, which the exported graph leaves out
            case SCALE -> ((Float) op.attribute()) == 1f ? 0 : read(op) + written;
            // a split reads only the channels it keeps
            case SLICE_CHANNELS -> 2 * written;
            case ACT, POOL, GLOBAL_AVG_POOL, ADD, MUL, CONCAT, CHANNEL_SHUFFLE -> read(op) + written;
        };
    }

    /** Kernel elements of a convolution: out x in/groups x k x k. */
    static long weights(ConvBnAct c) {
        return (long) c.outChannels() * (c.inChannels() / c.groups()) * c.kernel() * c.kernel();
    }

    private static long read(TracedOp op) {
        long n = 0;
        for (NDArray x : op.inputs()) {
            n += x.size();
        }
        return n;
    }
}
