package dev.tributary.common.config;

import dev.tributary.common.config.generator.StreamSpec;

/**
 * Where a scenario's events come from: exactly one of a built-in data set, a CSV file, an ARFF
 * file, or a seeded generator (with concept drift) of a given length.
 *
 * @param dataset   a built-in data set's name ({@code breast-cancer}, {@code spambase}, {@code shuttle},
 *                  {@code electricity})
 * @param csv       a CSV file and how to read it
 * @param arff      an ARFF file and its class attribute
 * @param generator a generated stream
 * @param events    the generated stream's length (generator only)
 */
public record SourceConfig(String dataset, DatasetSpec csv, ArffSpec arff, StreamSpec generator, long events) {

    /**
     * @throws ConfigException if not exactly one source is given, or the length does not fit it
     */
    public SourceConfig {
        int given = (dataset != null ? 1 : 0) + (csv != null ? 1 : 0) + (arff != null ? 1 : 0) + (generator != null ? 1 : 0);
        ConfigException.require(given == 1, "source", given + " sources", "exactly one of dataset, csv, arff, generator");
        if (dataset != null) {
            DatasetSpec.builtIn(dataset);
        }
        if (generator != null) {
            ConfigException.require(events > 0, "source.events", events, "a positive number of events to generate");
            if (generator.drift() != null) {
                // A drift past the end never happens: a shortened stream must move its drift too.
                ConfigException.require(generator.drift().positions().stream().allMatch(p -> p < events),
                        "source.generator.drift.positions", generator.drift().positions(),
                        "positions before the end of the stream (source.events = " + events + ")");
                ConfigException.require(generator.drift().period() < events, "source.generator.drift.period",
                        generator.drift().period(), "a period shorter than the stream (source.events = " + events + ")");
            }
        } else {
            ConfigException.require(events == 0, "source.events", events, "no events count: only a generator has a length");
        }
    }

    /**
     * @param name a built-in data set
     * @return that source
     */
    public static SourceConfig ofDataset(String name) {
        return new SourceConfig(name, null, null, null, 0);
    }

    /** @return whether the events are generated (unbounded, time-ordered) rather than read from a file */
    public boolean generated() {
        return generator != null;
    }

    /** @return the CSV data set to read (a built-in one or a file), or {@code null} for an ARFF file or a generated stream */
    public DatasetSpec datasetSpec() {
        return dataset != null ? DatasetSpec.builtIn(dataset) : csv;
    }

    /** @return a one-line description */
    public String describe() {
        if (generator != null) {
            return String.format(java.util.Locale.ROOT, "%,d generated events: %s", events, generator.describe());
        }
        return dataset != null ? "data set " + dataset : csv != null ? "CSV " + csv.location() : "ARFF " + arff.location();
    }
}
