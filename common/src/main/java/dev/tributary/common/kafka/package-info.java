/**
 * How Tributary reaches Kafka. {@link dev.tributary.common.kafka.KafkaConnection} is the one
 * place client settings are assembled: a bootstrap address and a pass-through map of any
 * client property (security settings included), with the harness's defaults per client type.
 * {@link dev.tributary.common.kafka.EmbeddedKafkaBroker} starts a real single-node KRaft broker
 * in-process when no cluster is given. {@link dev.tributary.common.kafka.BoundedTopicReader}
 * reads a topic from its beginning to the end offsets it had when the read began.
 */
package dev.tributary.common.kafka;
