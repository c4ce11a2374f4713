package dev.tributary.cli;

import dev.tributary.common.config.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tributary scenarios}: what can be run.
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"List the built-in scenarios, one line each.",
                "With --show, print a scenario (built-in, or a file, with any overriding options) as YAML with "
                        + "every key spelled out: a starting point for a scenario file of your own."})
final class ScenariosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--show", description = "Print the scenario chosen by --scenario (and the other options) as YAML.")
    boolean show;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (show) {
            out.print(ScenarioFiles.toYaml(scenario.load()));
            return 0;
        }
        Map<String, String> builtIns = ScenarioFiles.builtIns();
        int width = builtIns.keySet().stream().mapToInt(String::length).max().orElse(0);
        builtIns.forEach((name, description) -> out.printf("%-" + width + "s  %s%n", name, description));
        return 0;
    }
}
