/**
 * Test fixtures of the model module, published as its test-jar: hostile model records, crafted
 * from a real encoded artifact, for the codec's tests and for every stage that decodes records
 * of the models topic.
 */
package dev.tributary.model.test;
