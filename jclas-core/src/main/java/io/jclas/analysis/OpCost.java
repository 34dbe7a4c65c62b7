package io.jclas.analysis;

import ai.djl.ndarray.types.Shape;
import io.jclas.layers.OpType;

/**
 * The cost of one op of a traced forward at batch 1.
 *
 * @param index position in execution order, from 0
 * @param block dotted path of the layer that ran it ({@code features.2_1._conv_pw}); empty for the
 *     functional ops of {@code Ops} (add, concat, split, shuffle), which belong to the composite
 *     block around them: they follow or precede its layers in execution order
 * @param type the op type
 * @param op a short description: {@code conv 1x1 58->58}, {@code dwconv 3x3/2 24}, {@code concat 2}
 * @param output output shape, batch included
 * @param macs multiply-adds (convolutions and fully connected layers; 0 for the others)
 * @param memoryAccess elements read and written, {@link MemoryAccess}
 */
public record OpCost(int index, String block, OpType type, String op, Shape output, long macs, long memoryAccess) {

    /** FLOPs in jclas's convention: 2 x multiply-adds. */
    public long flops() {
        return 2 * macs;
    }

    /** Memory access in bytes for tensors stored in {@code precision}. */
    public long memoryAccessBytes(Precision precision) {
        return precision.bytes(memoryAccess);
    }

    /** FLOPs per byte moved (the roofline's arithmetic intensity); 0 for an op that moves nothing. */
    public double intensity(Precision precision) {
        long bytes = memoryAccessBytes(precision);
        return bytes == 0 ? 0 : (double) flops() / bytes;
    }
}
