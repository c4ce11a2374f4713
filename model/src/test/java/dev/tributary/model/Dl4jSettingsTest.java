package dev.tributary.model;

import dev.tributary.common.config.ModelConfig;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Dl4jSettingsTest {

    @Test
    void javaCppsPhysicalMemoryCheckIsOffOnceANetworkExists() {
        NeuralNetwork.create(ModelConfig.DEFAULT, 3, 2, 1);
        // JavaCPP reads the property once, when it loads: 0 here means it was set before that.
        assertEquals(0, Pointer.maxPhysicalBytes());
    }
}
