/**
 * Deeplearning4j and ND4J glue: the network configuration, the conversions between Java
 * arrays and ND4J arrays, and the readers of untrusted model bytes ({@link
 * dev.tributary.model.internals.Dl4jArchive}, {@link dev.tributary.model.internals.StandardizerJson}),
 * which bound every entry and check every declared length before allocating for it. Nothing
 * outside {@code dev.tributary.model} sees these types.
 */
package dev.tributary.model.internals;
