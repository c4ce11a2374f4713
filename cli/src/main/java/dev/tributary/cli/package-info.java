/**
 * The {@code tributary} command line: a thin layer that fills in the typed configuration of
 * {@code dev.tributary.common.config} from options and calls the stages. {@code run} does the
 * whole comparison in one process; {@code produce}, {@code train-batch}, {@code train-stream}
 * and {@code evaluate} each run one stage as its own process against a cluster.
 *
 * <p>Exit codes: 0 success; 2 a bad option or value (the message names it); 3 a known
 * operational failure (a broker that cannot be reached, a missing file), one line, no stack
 * trace; 4 results that miss a quality gate ({@code gate}); 1 a bug, with its stack trace.
 */
package dev.tributary.cli;
