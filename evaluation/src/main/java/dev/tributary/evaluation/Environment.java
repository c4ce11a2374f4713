package dev.tributary.evaluation;

import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.model.NeuralNetwork;
import org.apache.kafka.common.utils.AppInfoParser;

/** Where the environment a result records is captured: the JVM's, ND4J's and Kafka's. */
public final class Environment {

    private Environment() {
    }

    /** @return the environment of this process */
    public static EnvironmentInfo capture() {
        return EnvironmentInfo.capture(NeuralNetwork.backendThreads(), AppInfoParser.getVersion());
    }
}
