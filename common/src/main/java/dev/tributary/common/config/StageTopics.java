package dev.tributary.common.config;

/**
 * The topics one consuming stage works with, as {@link TopicsConfig} names them.
 *
 * @param input      the topic it reads
 * @param deadLetter where it puts the records it cannot use (its own, so that each topic's
 *                   counts reconcile on their own)
 * @param models     the compacted topic it publishes model versions to, or {@code null} for none
 */
public record StageTopics(String input, String deadLetter, String models) {

    /**
     * @throws ConfigException if the input or dead-letter topic is missing
     */
    public StageTopics {
        ConfigException.require(input != null && !input.isBlank(), "topics.input", input, "a topic name");
        ConfigException.require(deadLetter != null && !deadLetter.isBlank(), "topics.dead-letter", deadLetter,
                "a topic name");
    }
}
