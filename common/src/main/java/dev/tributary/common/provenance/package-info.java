/**
 * What every result records about how it was made: the build (version, commit, library
 * versions) and the environment (JVM, operating system, cores, memory, thread settings).
 * The platform is kept because DL4J's native kernels and thread counts change both results
 * and timings from one machine to another.
 */
package dev.tributary.common.provenance;
