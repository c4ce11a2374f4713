/**
 * The configuration of synthetic streams: one record per published generator (SEA, rotating
 * hyperplane, random RBF with drifting centroids, STAGGER, Agrawal, Sine), a {@link
 * dev.tributary.common.config.generator.DriftSpec} that says how concepts replace one another
 * (abrupt, gradual by MOA's sigmoid, or recurring), and a {@link
 * dev.tributary.common.config.generator.StreamSpec} that puts them together. Each record is
 * bound from a scenario file (keys in kebab case, the generator chosen by its {@code type}) and
 * validated when it is built, so that a bad value is rejected with its key before any event is
 * generated; the generators themselves live in the producer.
 */
package dev.tributary.common.config.generator;
