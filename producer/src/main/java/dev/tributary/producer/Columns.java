package dev.tributary.producer;

import dev.tributary.common.config.ConfigException;

import java.util.List;

/** How a scenario names a column of a data set: by name, or by 0-based index (negative: from the end). */
final class Columns {

    private Columns() {
    }

    /**
     * @param columns the file's columns (or attributes), in order
     * @param column  a name, or an index
     * @param field   the scenario key that gave it, for the error
     * @return the column's 0-based index
     * @throws ConfigException naming the key and listing the columns, if there is no such column
     */
    static int indexOf(List<String> columns, String column, String field) {
        int byName = columns.indexOf(column);
        if (byName >= 0) {
            return byName;
        }
        try {
            int parsed = Integer.parseInt(column);
            int index = parsed < 0 ? columns.size() + parsed : parsed;
            if (index >= 0 && index < columns.size()) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // not an index either: reported below with the columns that exist
        }
        throw new ConfigException(field, column, "a column name in " + columns + " or an index in [0, " + columns.size()
                + ") (negative counts from the end)");
    }
}
