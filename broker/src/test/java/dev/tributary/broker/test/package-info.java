/**
 * Fixtures shared through the broker module's test-jar by every test that needs Kafka: the one
 * embedded broker per test JVM ({@link dev.tributary.broker.test.SharedKafka}), secured and
 * replicated brokers, topic readers and writers, and seeded bad records.
 */
package dev.tributary.broker.test;
