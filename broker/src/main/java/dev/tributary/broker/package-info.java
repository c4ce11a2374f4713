/**
 * The embedded broker: {@link dev.tributary.broker.EmbeddedKafkaBroker} starts Kafka's own
 * single-node KRaft broker in process, on ephemeral loopback ports with a temporary log
 * directory, for {@code tributary run} without a cluster and for the tests (whose shared
 * fixtures are in this module's test-jar). No stage's main code depends on it.
 */
package dev.tributary.broker;
