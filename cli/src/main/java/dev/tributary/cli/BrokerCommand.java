package dev.tributary.cli;

import dev.tributary.broker.StandaloneKafkaBroker;
import dev.tributary.common.config.ConfigException;
import dev.tributary.kafka.ClusterProbe;
import dev.tributary.kafka.KafkaConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code tributary broker}: a standalone single-node Kafka broker for the stage-by-stage workflow.
 */
@Command(name = "broker", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Run a single-node Kafka broker (Kafka's own KRaft broker and controller in one process) until "
                + "Ctrl-C or SIGTERM, for running the stages as separate processes against --bootstrap-servers "
                + "HOST:PORT. Prints its bootstrap address once it accepts clients.",
                "With --log-dir its topics are kept there between restarts; without, they live in a temporary "
                        + "directory deleted when it stops."})
final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to listen on and advertise.")
    String host = "localhost";

    @Option(names = "--port", paramLabel = "PORT", description = "The client port.")
    int port = 9092;

    @Option(names = "--controller-port", paramLabel = "PORT",
            description = "The KRaft controller's port (default: --port + 1).", showDefaultValue =
            picocli.CommandLine.Help.Visibility.NEVER)
    Integer controllerPort;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Where the broker keeps its logs, kept between "
            + "restarts (default: a temporary directory, deleted when the broker stops).",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Path logDir;

    @Override
    public Integer call() throws Exception {
        int controller = controllerPort != null ? controllerPort : port + 1;
        if (port < 1 || port > 65_535) {
            throw new ConfigException("--port", port, "a port, 1 to 65535");
        }
        if (controller < 1 || controller > 65_535 || controller == port) {
            throw new ConfigException("--controller-port", controller, "a port, 1 to 65535, other than --port");
        }
        StandaloneKafkaBroker broker = StandaloneKafkaBroker.start(host, port, controller, logDir);
        try (Termination ignored = Termination.on("broker", broker::close)) {
            ClusterProbe.await(KafkaConnection.to(broker.bootstrapServers()), Duration.ofSeconds(60));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Kafka broker ready at " + broker.bootstrapServers() + " (log directory " + broker.logDir()
                    + (broker.temporary() ? ", deleted when it stops" : ", kept") + "); stop it with Ctrl-C or SIGTERM");
            out.flush();
            broker.awaitShutdown();
        } finally {
            broker.close();
        }
        return 0;
    }
}
