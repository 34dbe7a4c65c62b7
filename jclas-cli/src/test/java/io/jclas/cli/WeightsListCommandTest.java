package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.zoo.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsListCommandTest {

    @Test
    void listsEveryZooNameWithItsPaddleClasAndTorchvisionFiles() {
        Run run = Run.of("weights", "list", "--format", "csv");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("name,architecture,cached,paddleclas,torchvision", lines.get(0));
        assertEquals(Models.list().size() + 1, lines.size());
        assertTrue(lines.contains("ResNet50_vd_ssld,ResNet50_vd,,https://paddle-imagenet-models-name.bj.bcebos.com"
                + "/dygraph/legendary_models/ResNet50_vd_ssld_pretrained.pdparams,")
                || lines.stream().anyMatch(l -> l.startsWith("ResNet50_vd_ssld,ResNet50_vd,cached,")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ShuffleNetV2_x1_0,") && l.endsWith(
                ",https://download.pytorch.org/models/shufflenetv2_x1-5666bf0f80.pth")), run.out());
    }

    @Test
    void anUnknownNameIsAUserError() {
        Run run = Run.of("weights", "list", "ResNet51");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown model 'ResNet51'"), run.err());
    }
}
