package dev.tributary.cli;

import dev.tributary.producer.DatasetProducer;
import dev.tributary.producer.ProduceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code tributary produce}: the producer stage on its own, against a cluster.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write a data set to <dataset>-train and <dataset>-test (shuffled and split with the seed); "
                + "rows that cannot be parsed go to <dataset>-dlq with their reason.")
final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DatasetOptions dataset;
    @Mixin
    TrainingOptions.Split split;
    @Mixin
    TrainingOptions.SeedOption seed;
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        ProduceResult result = new DatasetProducer(StageCommands.cluster(kafka, "produce"), dataset.spec(), split.config(),
                dataset.topics(), seed.seeds().split()).produce();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("rows read %d = train %d (%s) + test %d (%s) + dead-lettered %d (%s)%n", result.rowsRead(),
                result.trainRecords(), result.trainTopic(), result.testRecords(), result.testTopic(),
                result.deadLettered(), result.deadLetterTopic());
        if (!result.rejections().isEmpty()) {
            out.println("rejected by reason: " + result.rejections());
        }
        if (result.imputedValues() > 0) {
            out.println("missing values imputed: " + result.imputedValues());
        }
        return 0;
    }
}
