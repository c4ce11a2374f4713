package dev.tributary.common.provenance;

import dev.tributary.common.config.Secrets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EnvironmentInfoTest {

    @Test
    void theJvmsArgumentsAreRecordedWithTheirSecretsMasked() {
        List<String> shown = EnvironmentInfo.shownArguments(List.of("-Xmx2g", "-XX:+UseZGC",
                "-Djavax.net.ssl.keyStorePassword=hunter2", "-Dapp.api_key=hunter2",
                "-Dproxy=http://user:hunter2@proxy:3128", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-D=x"));
        assertEquals(List.of("-Xmx2g", "-XX:+UseZGC", "-Djavax.net.ssl.keyStorePassword=" + Secrets.MASK,
                "-Dapp.api_key=" + Secrets.MASK, "-Dproxy=http://" + Secrets.MASK + "@proxy:3128",
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-D=x"), shown);
    }

    @Test
    void aCapturedEnvironmentRecordsTheCollectorsAndNoSecret() {
        EnvironmentInfo env = EnvironmentInfo.capture(1, "4.3.1");
        assertFalse(env.garbageCollectors().isEmpty(), "a JVM has at least one collector");
        assertEquals(EnvironmentInfo.shownArguments(java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments()), env.jvmArguments());
    }
}
