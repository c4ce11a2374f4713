/**
 * The report's figures: {@link dev.tributary.reports.figures.Figures#render} draws what a
 * results file holds (prequential accuracy over the stream, the holdout learning curve,
 * latency and freshness percentile distributions, throughput, quality against cost, CPU and
 * heap, and for a deployed-mode run the served accuracy beside the ideal, staleness and served
 * quality against staleness) as PNG and SVG files, and describes each one as a
 * {@link dev.tributary.reports.figures.Figure} for the HTML report. A figure whose data the results do not hold (prequential curves in a
 * holdout run, say) is left out rather than drawn empty.
 *
 * <p>XChart does the drawing; its types stay in the package-private classes here, one per
 * figure or family of figures, so that the public API speaks only of the results model and
 * plain Java types. Repetitions are shown, never hidden: curves are the mean over the runs
 * with their 95 % interval as a band, points and bars carry the interval as error bars, and
 * percentile distributions pool the runs' histograms.
 */
package dev.tributary.reports.figures;
