package io.jclas.pretrained.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jclas.pretrained.StateDict;
import io.jclas.pretrained.TorchvisionReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The readers on small files that Python's pickle, NumPy and torch.save wrote with known values
 * ({@code format_cases.py}): dtypes, byte layouts, Fortran order, strided views, Paddle's split
 * big arrays, protocols 2 and 4, both torch layouts. Skipped, with the reason, without /usr/bin/python3's
 * numpy (the .pdparams cases) or torch (the .pth cases).
 */
class WeightFilesTest {
    @TempDir
    static Path dir;
    private static boolean torchFiles;

    @BeforeAll
    static void pdparamsFiles() throws Exception {
        TorchvisionReference.formatCases(dir, false);
    }

    /** The .pth cases too, written once (skipping the calling test without torch). */
    private static synchronized void withTorchFiles() throws Exception {
        if (!torchFiles) {
            TorchvisionReference.formatCases(dir, true);
            torchFiles = true;
        }
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {2, 4})
    void pdparamsOfEitherProtocolReadWithTheirValues(int protocol) {
        WeightFile file = WeightFiles.open(dir.resolve("p" + protocol + ".pdparams"));
        assertEquals(WeightFormat.PDPARAMS, file.format());
        StateDict d = file.tensors();
        assertEquals(List.of("conv.w", "fc.w", "half", "steps", "fortran", "big"), List.copyOf(d.keys()));
        assertArrayEquals(new long[] {2, 3, 2, 2}, d.get("conv.w").shape());
        assertEquals(23f, d.get("conv.w").values()[23]);
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f, 1, 1.25f}, d.get("fc.w").values());
        assertArrayEquals(new float[] {0.5f, -2f, 65504f, 0x1p-24f}, d.get("half").values());
        assertArrayEquals(new float[] {7, -3}, d.get("steps").values());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, d.get("fortran").values());
        assertArrayEquals(new long[] {2, 5}, d.get("big").shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.get("big").values());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"t.pth", "t_legacy.pth"})
    void torchFilesOfEitherLayoutReadTheirViews(String name) throws Exception {
        withTorchFiles();
        WeightFile file = WeightFiles.open(dir.resolve(name));
        assertEquals(name.contains("legacy") ? WeightFormat.PYTORCH_LEGACY : WeightFormat.PYTORCH_ZIP, file.format());
        StateDict d = file.tensors();
        assertEquals(List.of("w", "row", "h"), List.copyOf(d.keys()));
        assertArrayEquals(new long[] {3, 2}, d.get("w").shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, d.get("w").values());
        assertArrayEquals(new float[] {6, 7, 8}, d.get("row").values());
        assertArrayEquals(new float[] {1.5f, -0.25f}, d.get("h").values());
        assertNull(d.get("bn.num_batches_tracked"));
    }

    @Test
    void aDirectoryHoldingOneFileReadsThatFile() throws Exception {
        Path only = dir.resolve("only");
        java.nio.file.Files.createDirectories(only);
        java.nio.file.Files.copy(dir.resolve("p4.pdparams"), only.resolve("ResNet50_pretrained.pdparams"));
        assertEquals(6, WeightFiles.read(only).size());
    }
}
