package io.jclas.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import io.jclas.pretrained.keymap.TorchvisionKeyMaps;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PublishedWeightsTest {
    private static final String BCEBOS = "https://paddle-imagenet-models-name.bj.bcebos.com/dygraph/";

    @Test
    void everyZooNameHasItsPaddleClasFileNamedAfterIt() {
        List<String> zoo = Models.list().stream().map(ModelInfo::name).toList();
        assertEquals(zoo, PublishedWeights.all().stream().map(PublishedWeights.Entry::name).toList());
        for (PublishedWeights.Entry e : PublishedWeights.all()) {
            String url = e.paddleclas().toString();
            assertTrue(url.startsWith(BCEBOS) && url.endsWith("/" + e.name() + "_pretrained.pdparams"), url);
        }
    }

    @Test
    void legendaryFamiliesLiveUnderLegendaryModelsTheRestInTheModelZooFolder() {
        assertEquals(BCEBOS + "legendary_models/ResNet50_vd_ssld_pretrained.pdparams",
                PublishedWeights.of("ResNet50_vd_ssld").paddleclas().toString());
        assertEquals(BCEBOS + "Fix_ResNet50_vd_ssld_v2_pretrained.pdparams",
                PublishedWeights.of("Fix_ResNet50_vd_ssld_v2").paddleclas().toString());
        assertEquals(BCEBOS + "ResNet50_vc_pretrained.pdparams", PublishedWeights.of("ResNet50_vc").paddleclas().toString());
        assertEquals(BCEBOS + "legendary_models/MobileNetV3_small_x0_35_pretrained.pdparams",
                PublishedWeights.of("MobileNetV3_small_x0_35").paddleclas().toString());
        assertEquals(BCEBOS + "ShuffleNetV2_swish_pretrained.pdparams",
                PublishedWeights.of("ShuffleNetV2_swish").paddleclas().toString());
    }

    @Test
    void torchvisionFilesAreListedForTheArchitecturesWithATorchvisionKeyMap() {
        Set<String> withTorchvision = PublishedWeights.all().stream().filter(e -> e.torchvisionUrl().isPresent())
                .map(PublishedWeights.Entry::name).collect(Collectors.toSet());
        assertEquals(TorchvisionKeyMaps.torchvisionNames().keySet(), withTorchvision);
        assertEquals(13, withTorchvision.size());
        assertEquals("https://download.pytorch.org/models/resnet50-0676ba61.pth",
                PublishedWeights.of("ResNet50").torchvision().toString());
    }

    @Test
    void unknownNamesFailWithSuggestions() {
        JclasException e = assertThrows(JclasException.class, () -> PublishedWeights.of("ResNet51"));
        assertTrue(e.getHint().contains("ResNet50"), e.getHint());
    }
}
