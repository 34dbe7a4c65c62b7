package io.jclas.analysis;

import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Fc;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Trace.TracedOp;
import java.util.Locale;

/** The short description of a traced op in the per-layer table: kind, kernel, stride, widths. */
final class OpLabel {
    private OpLabel() {}

    static String of(TracedOp op) {
        return switch (op.type()) {
            case CONV_BN_ACT -> conv((ConvBnAct) op.layer());
            case FC -> "fc " + ((Fc) op.layer()).inFeatures() + "->" + ((Fc) op.layer()).outFeatures();
            case ACT -> "act " + op.attribute().toString().toLowerCase(Locale.ROOT);
            case POOL -> pool((Pool2d) op.layer());
            case GLOBAL_AVG_POOL -> "global_avg_pool";
            case FLATTEN -> "flatten";
            case SCALE -> "scale " + op.attribute();
            case ADD -> "add";
            case MUL -> "mul";
            case CONCAT -> "concat " + op.inputs().size();
            case SLICE_CHANNELS -> {
                int[] range = (int[]) op.attribute();
                yield "split [" + range[0] + ":" + range[1] + ")";
            }
            case CHANNEL_SHUFFLE -> "channel_shuffle g" + op.attribute();
        };
    }

    private static String conv(ConvBnAct c) {
        String window = c.kernel() + "x" + c.kernel() + (c.stride() > 1 ? "/" + c.stride() : "");
        if (c.groups() == c.inChannels() && c.groups() == c.outChannels() && c.groups() > 1) {
            return "dwconv " + window + " " + c.inChannels();
        }
        String kind = c.groups() > 1 ? "gconv g" + c.groups() + " " : "conv ";
        return kind + window + " " + c.inChannels() + "->" + c.outChannels();
    }

    private static String pool(Pool2d p) {
        return (p.isMax() ? "maxpool " : "avgpool ") + p.kernel() + "x" + p.kernel()
                + (p.stride() > 1 ? "/" + p.stride() : "");
    }
}
