/**
 * Fixtures shared by every module's tests through common's test-jar: deterministic data builders
 * and learner configurations. The Kafka fixtures are in the broker module's test-jar.
 */
package dev.tributary.common.test;
