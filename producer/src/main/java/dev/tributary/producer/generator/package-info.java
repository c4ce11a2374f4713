/**
 * Seeded synthetic streams with concept drift: one {@link
 * dev.tributary.producer.generator.ExampleGenerator} per published generator (SEA, rotating
 * hyperplane, random RBF with drifting centroids, STAGGER, Agrawal, Sine), each following MOA's
 * definition, and a {@link dev.tributary.producer.generator.ConceptDriftStream} that switches
 * between concepts abruptly, gradually or cyclically. Every stream is endless, uses constant
 * memory whatever its length, and is fully determined by its spec and seed: build one with
 * {@link dev.tributary.producer.generator.Generators#create(dev.tributary.common.config.generator.StreamSpec, long)}.
 */
package dev.tributary.producer.generator;
