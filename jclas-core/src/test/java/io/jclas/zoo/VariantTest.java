package io.jclas.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.layers.Dropout;
import io.jclas.layers.Pool2d;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code Arch.variant: torchvision} builds torchvision's SqueezeNet and AlexNet, and only those. */
class VariantTest {
    private static final ModelOptions TORCHVISION = ModelOptions.defaults().withVariant(Variant.TORCHVISION);

    @Test
    void torchvisionSqueezeNetPoolsInCeilModeAndDropsNothingAtInference() {
        Network paddle = Models.create("SqueezeNet1_1");
        Network torchvision = Models.create("SqueezeNet1_1", TORCHVISION);
        assertTrue(blocks(paddle, Pool2d.class).noneMatch(Pool2d::ceilMode));
        assertTrue(blocks(torchvision, Pool2d.class).allMatch(Pool2d::ceilMode));
        assertEquals(List.of(0.5f), blocks(paddle, Dropout.class).map(Dropout::inferenceScale).toList());
        assertEquals(List.of(1f), blocks(torchvision, Dropout.class).map(Dropout::inferenceScale).toList());
        assertEquals(List.of(1f, 1f), blocks(Models.create("AlexNet", TORCHVISION), Dropout.class)
                .map(Dropout::inferenceScale).toList());
    }

    @Test
    void otherFamiliesRefuseTheTorchvisionVariant() {
        JclasException e = assertThrows(JclasException.class, () -> Models.create("ResNet18", TORCHVISION));
        assertTrue(e.getMessage().startsWith("Arch.variant torchvision exists for SqueezeNet and AlexNet only"));
        assertThrows(JclasException.class, () -> Variant.parse("timm"));
        assertEquals(Variant.TORCHVISION, Variant.parse("torchvision"));
    }

    private static <T> Stream<T> blocks(ai.djl.nn.Block root, Class<T> type) {
        Stream<T> self = type.isInstance(root) ? Stream.of(type.cast(root)) : Stream.empty();
        return Stream.concat(self, root.getChildren().values().stream().flatMap(child -> blocks(child, type)));
    }
}
