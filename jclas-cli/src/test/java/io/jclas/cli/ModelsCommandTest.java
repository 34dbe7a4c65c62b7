package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jclas.zoo.Family;
import io.jclas.zoo.ModelInfo;
import io.jclas.zoo.Models;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {

    @Test
    void csvStartsWithTheCountColumns() {
        assertTrue(ModelTable.csvHeader().startsWith("name,input_size,params,macs,flops,memory_access,"), ModelTable.csvHeader());
    }

    @Test
    void resNet50RowHasItsTrainableParams() {
        assumeTrue(Models.contains("ResNet50"), "ResNet50 not registered yet");
        Run run = Run.of("models", "ResNet50", "--format", "csv");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(ModelTable.csvHeader(), lines[0]);
        String[] row = lines[1].split(",", -1);
        assertEquals("ResNet50", row[0]);
        assertEquals("224", row[1]);
        assertEquals("25557032", row[2]);
        assertEquals("4089184256", row[3]);
        assertEquals("8178368512", row[4]);
        assertTrue(Long.parseLong(row[5]) > 0, lines[1]);
        // published 8.19 GFLOPs / 25.56 M: within the rounding of two decimals
        assertTrue(Math.abs(Double.parseDouble(row[11])) < 0.002, lines[1]);
        assertTrue(Math.abs(Double.parseDouble(row[10])) < 0.001, lines[1]);
    }

    @Test
    void csvCellsOfAKnownAndAnUnpublishedModel() {
        ModelInfo known = new ModelInfo("NetA", "NetA", Family.RESNET, 224, 32, 0,
                ModelInfo.InputDefaults.IMAGENET, new ModelInfo.Published(0.75, 0.92, 2.0, 10.0));
        ModelInfo unknown = new ModelInfo("NetB", "NetB", Family.GHOSTNET, 256, 32, 0, ModelInfo.InputDefaults.IMAGENET,
                ModelInfo.Published.NONE);
        StringWriter out = new StringWriter();
        ModelTable.write(List.of(new ModelRow(known, 10_100_000, 1_000_000_000, 3_000_000),
                new ModelRow(unknown, 5, 7, 11)),
                ModelTable.Format.CSV, new PrintWriter(out));
        String[] lines = out.toString().split("\n");
        assertEquals("NetA,224,10100000,1000000000,2000000000,3000000,0.750,0.920,10.000,2.000,0.01000,0.00000,ResNet", lines[1]);
        assertEquals("NetB,256,5,7,14,11,,,,,,,GhostNet", lines[2]);
    }

    @Test
    void jsonWritesNullForUnpublishedFigures() {
        ModelInfo info = new ModelInfo("NetB", "NetB", Family.GHOSTNET, 256, 32, 0, ModelInfo.InputDefaults.IMAGENET,
                ModelInfo.Published.NONE);
        StringWriter out = new StringWriter();
        ModelTable.write(List.of(new ModelRow(info, 5, 7, 11)), ModelTable.Format.JSON, new PrintWriter(out));
        assertTrue(out.toString().contains("\"flops\" : 14"), out.toString());
        assertTrue(out.toString().contains("\"top1\" : null"), out.toString());
    }

    @Test
    void layersOfShuffleNetV2ShowItsUnitsAndTotals() {
        Run run = Run.of("models", "ShuffleNetV2_x1_0", "--layers", "--format", "csv");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("index,block,op,output,macs,memory_access,intensity", lines.get(0));
        // stem: 3x3/2 conv 3->24 on 224x224: in 150528 + out 24*112*112 + weights 648
        assertEquals("0,features._conv1,conv 3x3/2 3->24,24x112x112,8128512,"
                + (150_528 + 301_056 + 648) + ",8.99", lines.get(1));
        assertTrue(lines.contains("15,,channel_shuffle g2,116x28x28,0,181888,0.00"), run.out());
    }

    @Test
    void layersNeedOneName() {
        Run run = Run.of("models", "--layers");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: --layers needs exactly one model name"), run.err());
    }

    @Test
    void unknownFamilyIsAUserError() {
        Run run = Run.of("models", "--family", "NoSuchFamily");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: unknown family 'NoSuchFamily'\nhint: use one of ResNet"), run.err());
    }
}
