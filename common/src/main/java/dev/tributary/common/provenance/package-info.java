/**
 * What every result records about how it was made: the build (version, commit, library
 * versions), the environment (JVM, operating system, cores, memory, thread settings), a model's
 * provenance ({@link dev.tributary.common.provenance.ModelMetadata}) and what each stage did
 * ({@link dev.tributary.common.provenance.ProduceResult},
 * {@link dev.tributary.common.provenance.TrainingSummary}, with the
 * {@link dev.tributary.common.provenance.OffsetRange}s it read). The platform is kept because
 * DL4J's native kernels and thread counts change both results and timings from one machine to
 * another.
 */
package dev.tributary.common.provenance;
