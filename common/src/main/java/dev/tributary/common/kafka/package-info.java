/**
 * How Tributary reaches Kafka. {@link dev.tributary.common.kafka.KafkaConnection} is the one
 * place client settings are assembled: a bootstrap address and a pass-through map of any
 * client property (security settings included), with the harness's defaults per client type.
 * {@link dev.tributary.common.kafka.EmbeddedKafkaBroker} starts a real single-node KRaft broker
 * in-process when no cluster is given. {@link dev.tributary.common.kafka.TopicFeed} is the one
 * way a topic is read (poll, stop on a count, at end offsets, when idle or when asked), and
 * {@link dev.tributary.common.kafka.ExampleReader} the one poison-record policy: decode, or
 * dead-letter with the reason and count.
 */
package dev.tributary.common.kafka;
