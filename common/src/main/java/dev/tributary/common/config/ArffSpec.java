package dev.tributary.common.config;

/**
 * Where an ARFF data set is (Weka's and MOA's format) and which attribute is the class.
 *
 * <p>Its header says the rest: numeric attributes are features as they are, a nominal one
 * becomes one feature per declared value ({@code attr=value}, one-hot), and the class attribute
 * is nominal (its values are the classes, in declared order) or numeric with integer labels.
 *
 * @param location    a file path, or {@code classpath:/path} for a resource
 * @param labelColumn the class attribute, by name or 0-based index (negative: from the end);
 *                    {@code null}: the last attribute
 */
public record ArffSpec(String location, String labelColumn) {

    /**
     * @throws ConfigException naming the field, if a field is unusable
     */
    public ArffSpec {
        ConfigException.require(location != null && !location.isBlank(), "source.arff.location", location,
                "an ARFF file's path or classpath:/resource");
        ConfigException.require(labelColumn == null || !labelColumn.isBlank(), "source.arff.label-column", "''",
                "an attribute's name or 0-based index (left out: the last attribute)");
    }
}
