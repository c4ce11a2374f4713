/**
 * What a run costs in memory.
 *
 * <p>Heap "used" is a poor measure of what a program needs: it includes garbage not yet
 * collected, so it rises and falls with the collector's schedule and the heap limit. What a
 * program retains is the heap still in use right after a full collection: the live set.
 * {@link dev.tributary.evaluation.cost.HeapMonitor} samples that by forcing a full collection
 * at chosen points (a few per run, so the pauses do not distort the run), and also keeps the
 * highest heap in use after any collection the JVM ran on its own. A stream processed in
 * constant memory shows a flat live set however long the stream; one that accumulates shows a
 * live set that grows with the events processed.
 */
package dev.tributary.evaluation.cost;
