package dev.tributary.common.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build this code came from, filled in by Maven when the project is built.
 *
 * @param version      Tributary's version
 * @param gitCommit    the abbreviated commit, or {@code unknown} outside a git checkout
 * @param gitDirty     whether the working tree had uncommitted changes
 * @param kafkaVersion the Kafka version built against
 * @param dl4jVersion  the Deeplearning4j version built against
 */
public record BuildInfo(String version, String gitCommit, boolean gitDirty, String kafkaVersion, String dl4jVersion) {

    private static final BuildInfo CURRENT = load();

    /** @return the build of the running code */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/tributary/common/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(value(p, "tributary.version"), value(p, "git.commit"),
                Boolean.parseBoolean(p.getProperty("git.dirty")), value(p, "kafka.version"), value(p, "dl4j.version"));
    }

    /** A property Maven did not fill in (no git directory, say) is recorded as unknown. */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }
}
