package io.jclas.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The functional ops that join branches. Composite blocks must use these (never raw NDArray
 * arithmetic) so that traces, and so exports, see them.
 */
public final class Ops {
    private Ops() {}

    /** a + b, same shapes (residual join). */
    public static NDArray add(NDArray a, NDArray b) {
        NDArray y = a.add(b);
        Trace.record(OpType.ADD, null, List.of(a, b), y, null);
        return y;
    }

    /** x * gate with gate [N, C, 1, 1] broadcast over H, W (squeeze-excitation). */
    public static NDArray mul(NDArray x, NDArray gate) {
        NDArray y = x.mul(gate);
        Trace.record(OpType.MUL, null, List.of(x, gate), y, null);
        return y;
    }

    /** Concatenation along channels (axis 1). */
    public static NDArray concat(NDArray... parts) {
        NDArray y = NDArrays.concat(new NDList(parts), 1);
        Trace.record(OpType.CONCAT, null, List.of(parts), y, null);
        return y;
    }

    /** Channels [from, to) of an NCHW tensor. */
    public static NDArray sliceChannels(NDArray x, int from, int to) {
        NDArray y = x.get(new NDIndex(":, {}:{}", from, to));
        Trace.record(OpType.SLICE_CHANNELS, null, List.of(x), y, new int[] {from, to});
        return y;
    }

    /**
     * ShuffleNet's channel shuffle: reshape [N, g, C/g, H, W], swap axes 1 and 2, reshape back; so
     * out[k] = in[(k % g) * (C/g) + k / g].
     */
    public static NDArray channelShuffle(NDArray x, int groups) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        NDArray y = x.reshape(n, groups, c / groups, s.get(2), s.get(3))
                .swapAxes(1, 2)
                .reshape(s);
        Trace.record(OpType.CHANNEL_SHUFFLE, null, List.of(x), y, groups);
        return y;
    }
}
