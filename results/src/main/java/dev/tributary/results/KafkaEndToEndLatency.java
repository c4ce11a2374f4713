package dev.tributary.results;

/**
 * What Kafka's own end-to-end latency tool ({@code org.apache.kafka.tools.EndToEndLatency}, in
 * kafka-tools) measures on the same cluster: one record at a time, sent synchronously and consumed
 * before the next is sent. Closed loop, so it never queues: the floor of a produce → consume round
 * trip, against which the open-loop bare baseline is checked.
 *
 * @param records the records it sent
 * @param averageMs their average latency, ms
 * @param p50Ms     median, whole ms as the tool prints it
 * @param p99Ms     99th percentile, whole ms
 * @param p999Ms    99.9th percentile, whole ms
 */
public record KafkaEndToEndLatency(long records, double averageMs, long p50Ms, long p99Ms, long p999Ms) {
}
