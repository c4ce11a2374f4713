package dev.tributary.reports.figures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One figure written by {@link Figures#render}: where its files are and what it shows.
 *
 * @param id           a stable identifier, also the files' base name (e.g. {@code latency})
 * @param title        the title drawn on the figure
 * @param caption      a sentence or two for the report: what is drawn, in which units, over how many runs
 * @param png          the PNG file's name, relative to the output directory
 * @param svg          the SVG file's name, relative to the output directory
 * @param seriesPoints series name (as the legend shows it) → number of data points drawn, in drawing order;
 *                     a 95 % band is the series {@code "<line> 95% CI"}, a closed polygon of twice its
 *                     line's points, drawn in its line's colour without a legend entry of its own;
 *                     copied, unmodifiable
 */
public record Figure(String id, String title, String caption, String png, String svg,
                     Map<String, Integer> seriesPoints) {

    /**
     * Copies the series map, keeping its order.
     *
     * @param id           the figure id and files' base name
     * @param title        the title drawn on the figure
     * @param caption      what is drawn, for the report
     * @param png          the PNG file's name, relative to the output directory
     * @param svg          the SVG file's name, relative to the output directory
     * @param seriesPoints series name → number of data points drawn
     * @throws NullPointerException if any component is null
     */
    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(svg, "svg");
        seriesPoints = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(seriesPoints, "seriesPoints")));
    }
}
