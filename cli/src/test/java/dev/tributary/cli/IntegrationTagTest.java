package dev.tributary.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the split of the test phases (README, "Tests"): Surefire ({@code mvn test}) skips
 * {@code @Tag("integration")} classes and Failsafe ({@code mvn verify}) runs only tagged classes
 * named {@code *IntegrationTest}. A test that starts a broker or a child JVM but is not both
 * tagged and so named would run in the wrong phase, or in none; this finds it in every module's
 * test sources.
 */
class IntegrationTagTest {

    /** What makes a test an integration test: a Kafka broker or a child JVM. */
    private static final Pattern NEEDS_BROKER_OR_JVM = Pattern.compile(
            "\\b(SharedKafka|EmbeddedKafkaBroker|SecuredKafkaBroker|ReplicatedKafkaCluster|ChildProcesses|ProcessBuilder)\\b");
    private static final Pattern TAGGED = Pattern.compile("@Tag\\(\"integration\"\\)");
    private static final Pattern TEST_CLASS = Pattern.compile("(?m)^\\s*@(Test|ParameterizedTest)\\b");

    @Test
    void everyTestThatStartsABrokerOrAJvmIsATaggedIntegrationTest() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/test/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> !f.getFileName().toString().equals("IntegrationTagTest.java")) // names the patterns
                            .forEach(sources::add);
                }
            }
        }
        assertTrue(sources.size() > 20, "found the modules' test sources under " + root + ": " + sources.size());

        List<String> wrong = new ArrayList<>();
        int integration = 0;
        for (Path file : sources) {
            String source = Files.readString(file);
            String name = file.getFileName().toString();
            boolean isTest = TEST_CLASS.matcher(source).find();
            boolean named = name.endsWith("IntegrationTest.java");
            boolean tagged = TAGGED.matcher(source).find();
            if (named) {
                integration++;
            }
            if (named && !tagged) {
                wrong.add(root.relativize(file) + ": named *IntegrationTest but not @Tag(\"integration\")"
                        + " (Surefire would run it with the unit tests)");
            } else if (tagged && !named) {
                wrong.add(root.relativize(file) + ": @Tag(\"integration\") but not named *IntegrationTest"
                        + " (no phase would run it)");
            } else if (isTest && !named && NEEDS_BROKER_OR_JVM.matcher(source).find()) {
                wrong.add(root.relativize(file) + ": starts a broker or a child JVM; name it *IntegrationTest"
                        + " and tag it @Tag(\"integration\")");
            }
        }
        assertTrue(integration > 0, "no *IntegrationTest found under " + root);
        assertEquals(List.of(), wrong, "test classes in the wrong phase");
    }
}
