/**
 * Test fixtures of the model module, published as its test-jar: hostile model records, crafted
 * from a real encoded artifact, for the codec's tests and for every stage that decodes records
 * of the models topic; and the wait for a trainer's checkpoint that the fault tests share.
 */
package dev.tributary.model.test;
