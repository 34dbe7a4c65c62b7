package io.jclas.cli;

import ai.djl.ndarray.types.Shape;
import io.jclas.analysis.ModelProfile;
import io.jclas.analysis.OpCost;
import io.jclas.analysis.Precision;
import io.jclas.cli.Table.Column;
import io.jclas.cli.Table.Kind;
import io.jclas.zoo.ModelInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * {@code jclas models NAME --layers}: every op of one traced forward with its multiply-adds,
 * memory access and arithmetic intensity, in execution order, and the model's totals.
 */
final class LayerTable {
    private static final Table<OpCost> TABLE = new Table<>(List.of(
            Column.of("index", Kind.VALUE, OpCost::index),
            Column.of("block", Kind.TEXT, OpCost::block),
            Column.of("op", Kind.TEXT, OpCost::op),
            Column.of("output", Kind.VALUE, o -> shape(o.output())),
            Column.of("macs", Kind.COUNT, OpCost::macs),
            Column.of("memory_access", Kind.COUNT, OpCost::memoryAccess),
            Column.decimal("intensity", 2, o -> o.intensity(Precision.FP32))));

    private LayerTable() {}

    static void write(ModelInfo info, ModelProfile profile, ModelTable.Format format, PrintWriter out) {
        switch (format) {
            case CSV -> TABLE.csv(profile.ops(), out);
            case TABLE -> {
                TABLE.aligned(profile.ops(), out);
                out.println();
                out.println(summary(info, profile));
            }
            case MD -> {
                TABLE.markdown(profile.ops(), out);
                out.println();
                out.println(summary(info, profile));
            }
            case JSON -> out.println(Json.pretty(json(info, profile)));
        }
        out.flush();
    }

    /** Output shape without the batch dimension: 116x28x28. */
    private static String shape(Shape s) {
        return LongStream.of(s.getShape()).skip(1).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    private static String summary(ModelInfo info, ModelProfile p) {
        return String.format(Locale.ROOT,
                "%s at %dx%d, batch 1: %d ops, %,d multiply-adds, memory access %,d elements (%.1f MB fp32, %.1f MB int8), "
                        + "intensity %.2f FLOPs/byte (fp32); element-wise ops: %.1f%% of the memory access",
                info.name(), info.inputSize(), info.inputSize(), p.ops().size(), p.macs(), p.memoryAccess(),
                p.memoryAccessBytes(Precision.FP32) / 1e6, p.memoryAccessBytes(Precision.INT8) / 1e6,
                p.intensity(Precision.FP32), 100 * p.elementWiseShare());
    }

    private static Map<String, Object> json(ModelInfo info, ModelProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", info.name());
        m.put("input_size", info.inputSize());
        m.put("macs", p.macs());
        m.put("memory_access", p.memoryAccess());
        m.put("memory_access_bytes_fp32", p.memoryAccessBytes(Precision.FP32));
        m.put("memory_access_bytes_int8", p.memoryAccessBytes(Precision.INT8));
        m.put("element_wise_share", p.elementWiseShare());
        m.put("ops", TABLE.maps(p.ops()));
        return m;
    }
}
