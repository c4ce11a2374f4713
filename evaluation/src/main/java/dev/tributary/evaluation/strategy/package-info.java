/**
 * The processing strategies the harness compares, each a small class behind
 * {@link dev.tributary.evaluation.strategy.Strategy}, all training the same network
 * configuration: {@code batch} (history, then frozen), {@code periodic-retrain} (from scratch on
 * a sliding window every N events), {@code online} (test-then-train on each mini-batch) and
 * {@code warm-start} (batch on the history, then online), with the reference learners
 * {@code majority} and {@code no-change} that give the chance levels kappa statistics need.
 */
package dev.tributary.evaluation.strategy;
