/**
 * Fixtures shared by every module's tests through common's test-jar: the one embedded broker
 * per test JVM and deterministic data builders.
 */
package dev.tributary.common.test;
