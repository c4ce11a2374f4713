/**
 * Deeplearning4j and ND4J glue: the network configuration and the conversions between Java
 * arrays and ND4J arrays. Nothing outside {@code dev.tributary.model} sees these types.
 */
package dev.tributary.model.internals;
