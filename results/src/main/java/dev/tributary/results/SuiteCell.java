package dev.tributary.results;

import java.util.Map;

/**
 * What a suite's cell was, as {@code cell.json} beside its results.json records it: so that a
 * report of the suite, or of several shards' directories merged, finds every cell and its place
 * without the suite file.
 *
 * @param suite    the suite's name
 * @param index    the cell's place in the suite, from 0
 * @param scenario the scenario's name or file, as the suite names it
 * @param block    the scenario and grid point: the cells of a block differ only in their seeds
 * @param point    the grid point, key path → value (empty without a grid)
 * @param seed     the cell's master seed
 */
public record SuiteCell(String suite, int index, String scenario, String block, Map<String, Object> point, long seed) {

    /** The file's name in a cell's directory. */
    public static final String FILE = "cell.json";

    /**
     * @throws IllegalArgumentException if a part is missing
     */
    public SuiteCell {
        if (suite == null || scenario == null || block == null || index < 0) {
            throw new IllegalArgumentException("a suite cell needs its suite, index, scenario and block");
        }
        point = point == null ? Map.of() : Map.copyOf(point);
    }
}
