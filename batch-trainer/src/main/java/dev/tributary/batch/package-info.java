/**
 * The batch baseline: reads the whole train topic up to its end offsets, fits the
 * standardisation on the training data only, trains the network for a fixed number of epochs,
 * and hands over the frozen model. It is the one stage that holds a whole topic in memory,
 * by design: that is what batch learning is. A record that is not a valid example goes to the
 * trainer's dead-letter topic with its reason, so records read = trained + dead-lettered.
 */
package dev.tributary.batch;
