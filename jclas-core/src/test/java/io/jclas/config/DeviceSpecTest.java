package io.jclas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {
    @Test
    void parsesEveryForm() {
        assertFalse(DeviceSpec.parse("cpu").isGpu());
        assertFalse(DeviceSpec.parse(null).isGpu());
        assertEquals(List.of(0), DeviceSpec.parse("gpu").gpus());
        assertEquals(List.of(3), DeviceSpec.parse(" GPU:3 ").gpus());
        assertEquals(List.of(0, 1), DeviceSpec.parse("gpu:0,1").gpus());
        assertEquals(2, DeviceSpec.single("gpu:2", "--device").gpu());
    }

    @Test
    void everyMalformedFormFailsWithTheSameMessage() {
        for (String bad : new String[] {"cuda", "gpu:", "gpu:x", "gpu:-1", "gpu0", "gpu:0,", "tpu:1"}) {
            JclasException e = assertThrows(JclasException.class, () -> DeviceSpec.parse(bad), bad);
            assertEquals("device '" + bad + "' is not cpu, gpu, gpu:N or a list gpu:N,M", e.getMessage());
        }
        assertEquals("device 'gpu:1,1' names gpu 1 twice",
                assertThrows(JclasException.class, () -> DeviceSpec.parse("gpu:1,1")).getMessage());
    }

    @Test
    void aListIsRefusedWhereOneDeviceIsUsed() {
        JclasException e = assertThrows(JclasException.class, () -> DeviceSpec.single("gpu:0,1", "Global.device"));
        assertEquals("Global.device is gpu:0,1: 2 GPUs, but a jclas process trains or predicts on one device",
                e.getMessage());
        assertTrue(e.getHint().contains("gpu:0"), e.getHint());
    }
}
