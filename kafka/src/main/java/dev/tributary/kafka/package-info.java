/**
 * How Tributary reaches Kafka. {@link dev.tributary.kafka.KafkaConnection} is the one
 * place client settings are assembled: a bootstrap address and a pass-through map of any
 * client property (security settings included), with the harness's defaults per client type.
 * {@link dev.tributary.kafka.TopicFeed} is the one way a topic is read (poll, stop on a count,
 * at end offsets, when idle or when asked), and {@link dev.tributary.kafka.ExampleReader} the
 * one poison-record policy: decode, or dead-letter with the reason and count.
 * {@link dev.tributary.kafka.ModelTopic} publishes encoded model versions to the compacted
 * models topic. The embedded broker is the broker module's.
 */
package dev.tributary.kafka;
