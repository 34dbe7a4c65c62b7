package io.jclas.pretrained.paddle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.nn.Parameter;
import io.jclas.pretrained.KeyMap;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo architecture's PaddleClas key map against the state dict PaddleClas builds for it
 * ({@code paddleclas_state_dicts.py}, written from PaddleClas's sources, not from jclas): the map
 * reads every PaddleClas key exactly once, in PaddleClas's creation order (which is the forward
 * order, as jclas's parameter order is, so two same-shaped tensors cannot be swapped unnoticed), and
 * each key's shape is the jclas parameter's (transposed for Linear weights).
 */
class PaddleKeyMapsTest {
    /** release/2.0's model-zoo ResNet50_vd, the naming of the older dygraph/ResNet50_vd_* files */
    private static final String OLD_RESNET50_VD = "ResNet50_vd_zoo";
    private static final Map<String, Map<String, long[]>> PADDLECLAS = new LinkedHashMap<>();

    static Stream<String> architectures() {
        return Models.list().stream().filter(i -> !i.isAlias()).map(ModelInfo::name);
    }

    @BeforeAll
    static void buildPaddleClasStateDicts() {
        PaddleClasScript.assumeAvailable(false);
        List<String> args = new ArrayList<>(List.of("manifest"));
        architectures().forEach(args::add);
        args.add(OLD_RESNET50_VD);
        for (String line : PaddleClasScript.call(args.toArray(String[]::new))) {
            String[] f = line.split("\t");
            long[] shape = Arrays.stream(f[2].split(",")).mapToLong(Long::parseLong).toArray();
            PADDLECLAS.computeIfAbsent(f[0], a -> new LinkedHashMap<>()).put(f[1], shape);
        }
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void readsEveryPaddleClasKeyOnceInOrderWithItsShape(String architecture) {
        assertMatches(PaddleKeyMaps.candidates(architecture).get(0), architecture, PADDLECLAS.get(architecture));
    }

    @Test
    void olderResNet50VdFilesAreReadWithTheModelZooNaming() {
        Map<String, long[]> old = PADDLECLAS.get(OLD_RESNET50_VD);
        List<PaddleKeyMap> namings = PaddleKeyMaps.candidates("ResNet50_vd");
        assertMatches(namings.get(1), "ResNet50_vd", old);
        assertSame(KeyMap.Layout.TRANSPOSED, PaddleKeyMaps.forFile("ResNet50_vd", old.keySet()).sourceOf("head_fc_weight").layout());
        assertEquals("out.weight", PaddleKeyMaps.forFile("ResNet50_vd", old.keySet()).sourceOf("head_fc_weight").key());
        assertEquals("fc.weight", PaddleKeyMaps.forFile("ResNet50_vd",
                PADDLECLAS.get("ResNet50_vd").keySet()).sourceOf("head_fc_weight").key());
        assertEquals("fc.weight", PaddleKeyMaps.forFile("ResNet50_vd", Set.of()).sourceOf("head_fc_weight").key());
    }

    private static void assertMatches(PaddleKeyMap map, String architecture, Map<String, long[]> paddleclas) {
        List<Parameter> params = Models.create(architecture).getParameters().values();
        List<Map.Entry<String, KeyMap.Source>> sources = List.copyOf(map.sources().entrySet());
        assertEquals(params.size(), sources.size(), architecture + ": one source per parameter");
        assertEquals(List.copyOf(paddleclas.keySet()), sources.stream().map(e -> e.getValue().key()).toList(),
                architecture + ": the PaddleClas keys, in PaddleClas's order");
        for (int i = 0; i < params.size(); i++) {
            KeyMap.Source source = sources.get(i).getValue();
            long[] jclas = params.get(i).getShape().getShape();
            assertArrayEquals(asJclasShape(paddleclas.get(source.key()), source.layout(), jclas.length), jclas,
                    architecture + ": " + sources.get(i).getKey() + " from " + source.key());
        }
    }

    /** A PaddleClas shape as jclas holds it: Linear [in, out] as [out, in] (and [out, in, 1, 1] for a 1x1 conv). */
    static long[] asJclasShape(long[] paddle, KeyMap.Layout layout, int rank) {
        if (layout == KeyMap.Layout.AS_IS) {
            return paddle;
        }
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        out[0] = paddle[1];
        out[1] = paddle[0];
        return out;
    }
}
