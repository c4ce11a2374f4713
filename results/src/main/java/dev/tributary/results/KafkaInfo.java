package dev.tributary.results;

import java.util.Map;

/**
 * The cluster a run used.
 *
 * @param embedded         whether it was the in-process broker
 * @param clientProperties the client settings, secrets masked
 */
public record KafkaInfo(boolean embedded, Map<String, String> clientProperties) {

    /**
     * Copies the properties.
     */
    public KafkaInfo {
        clientProperties = Map.copyOf(clientProperties);
    }
}
