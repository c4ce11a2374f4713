package dev.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.common.config.ScenarioConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command docker/compose.yaml runs is accepted by the CLI's parser and names a valid
 * scenario, so the deployment example cannot drift from the CLI.
 */
class ComposeCommandsTest {

    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");

    @Test
    void everyComposeCommandParsesAndLoadsItsScenario() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).get("services");
        List<String> checked = new ArrayList<>();
        for (var it = services.fields(); it.hasNext(); ) {
            var service = it.next();
            JsonNode command = service.getValue().get("command");
            if (command == null) {
                continue;
            }
            List<String> args = new ArrayList<>();
            command.forEach(a -> args.add(a.asText()));
            CommandLine cli = new CommandLine(TributaryCommand.class);
            CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            CommandLine.ParseResult sub = parsed.subcommand();
            ScenarioOptions scenario = (ScenarioOptions) sub.commandSpec().mixins().get("scenario").userObject();
            ScenarioConfig config = scenario.load();
            assertEquals("sea-abrupt", config.name(), service.getKey());
            checked.add(service.getKey() + ": " + sub.commandSpec().name());
        }
        assertEquals(4, checked.size(), "the four Tributary services: " + checked);
        assertTrue(checked.contains("scorer: score"), checked.toString());
    }

    @Test
    void theSuiteJobsCommandParsesForEveryIndex() throws Exception {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docker", "suite-job.yaml").toFile());
        int completions = job.get("spec").get("completions").asInt();
        JsonNode container = job.get("spec").get("template").get("spec").get("containers").get(0);
        for (int index = 0; index < completions; index++) {
            List<String> args = new ArrayList<>();
            int i = index;
            container.get("args").forEach(a -> args.add(a.asText().replace("$(JOB_COMPLETION_INDEX)", Integer.toString(i))));
            CommandLine.ParseResult sub = new CommandLine(TributaryCommand.class).parseArgs(args.toArray(String[]::new))
                    .subcommand();
            assertEquals("suite", sub.commandSpec().name());
            SuiteCommand command = (SuiteCommand) sub.commandSpec().userObject();
            assertEquals(new dev.tributary.evaluation.suite.SuiteRunner.Shard(index, completions),
                    dev.tributary.evaluation.suite.SuiteRunner.Shard.parse(command.shard), "pod " + index);
            assertTrue(command.file.toString().endsWith("quick.yaml"));
        }
        // The suite the ConfigMap holds is the project's own, and it is valid.
        assertEquals(6, dev.tributary.common.config.SuiteConfig.load(Path.of("..", "suites", "quick.yaml")).cells().size());
    }
}
