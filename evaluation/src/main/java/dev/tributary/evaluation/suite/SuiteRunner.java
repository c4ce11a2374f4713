package dev.tributary.evaluation.suite;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.SuiteConfig;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.SuiteCell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a suite's cells, one after another, each into its own directory with its own
 * results.json and {@code cell.json}: every cell's scenario is bound, and so validated, before the
 * first runs. Resumable: a cell whose results.json is complete (it reads) is not run again, so
 * an interrupted suite continues where it stopped. With a {@link Shard}, only its share of the
 * cells runs, so that machines can split a suite; {@code suite report} merges their directories.
 */
public final class SuiteRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteRunner.class);

    /**
     * A deterministic share of a suite's cells: those whose index is {@code index} modulo
     * {@code count}, so that the shards 0/n ... (n-1)/n partition the cells exactly.
     *
     * @param index this shard, from 0
     * @param count how many shards
     */
    public record Shard(int index, int count) {

        /** The whole suite. */
        public static final Shard ALL = new Shard(0, 1);

        /**
         * @throws ConfigException naming {@code --shard}, if the index is not in [0, count)
         */
        public Shard {
            ConfigException.require(count >= 1 && index >= 0 && index < count, "--shard", index + "/" + count,
                    "i/n with 0 <= i < n (e.g. 0/4: the first of four shards)");
        }

        /**
         * @param text {@code i/n}
         * @return the shard
         * @throws ConfigException naming {@code --shard}, if it is not one
         */
        public static Shard parse(String text) {
            String[] parts = text == null ? new String[0] : text.split("/");
            try {
                if (parts.length == 2) {
                    return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigException("--shard", text, "i/n with 0 <= i < n (e.g. 0/4: the first of four shards)");
        }

        /** @return whether the cell is this shard's */
        public boolean contains(SuiteConfig.Cell cell) {
            return cell.index() % count == index;
        }
    }

    /**
     * @param cells   the shard's cells
     * @param ran     cells run now
     * @param skipped cells already complete, not run again
     */
    public record Outcome(int cells, int ran, int skipped) {
    }

    private final KafkaConnection connection;
    private final boolean embedded;
    private final SuiteConfig suite;
    private final Path directory;
    private final Shard shard;
    private final ProgressListener progress;

    /**
     * @param connection the cluster every cell runs on
     * @param embedded   whether it is the in-process broker
     * @param suite      the suite
     * @param directory  where the cells' directories go
     * @param shard      which cells to run
     * @param progress   hears how many cells are done
     */
    public SuiteRunner(KafkaConnection connection, boolean embedded, SuiteConfig suite, Path directory, Shard shard,
                       ProgressListener progress) {
        this.connection = connection;
        this.embedded = embedded;
        this.suite = suite;
        this.directory = directory;
        this.shard = shard;
        this.progress = progress;
    }

    /**
     * @return what ran
     * @throws ConfigException    naming the key, if any cell of the suite is invalid (before any runs)
     * @throws TributaryException if a cell fails
     */
    public Outcome run() {
        // Topics of this attempt's own: an interrupted cell's half-written ones stay behind.
        String attempt = Long.toString(System.currentTimeMillis(), 36);
        List<SuiteConfig.Cell> cells = suite.cells(attempt).stream().filter(shard::contains).toList();
        int ran = 0;
        int skipped = 0;
        progress.start("suite " + suite.name() + (shard.count() > 1 ? " shard " + shard.index() + "/" + shard.count()
                : "") + ": " + cells.size() + " cells", cells.size());
        for (SuiteConfig.Cell cell : cells) {
            Path out = directory.resolve(cell.directory());
            if (complete(out)) {
                LOG.info("Cell {} ({}) is complete: not run again", cell.index(), cell.directory());
                skipped++;
            } else {
                LOG.info("Cell {} of {}: {}", cell.index(), suite.name(), cell.directory());
                ResultsFile.writeJson(new SuiteCell(suite.name(), cell.index(), cell.scenario(), cell.block(), cell.point(),
                        cell.config().seed()), out.resolve(SuiteCell.FILE));
                new ExperimentRunner(connection, embedded, cell.config(), out, ProgressListener.NONE).run();
                ran++;
            }
            progress.advance(ran + skipped);
        }
        progress.finish();
        return new Outcome(cells.size(), ran, skipped);
    }

    /** @return whether the cell's directory holds a results.json that reads, and its cell.json */
    static boolean complete(Path cellDirectory) {
        Path results = cellDirectory.resolve(ExperimentRunner.RESULTS_FILE);
        if (!Files.isRegularFile(results) || !Files.isRegularFile(cellDirectory.resolve(SuiteCell.FILE))) {
            return false;
        }
        try {
            ResultsFile.read(results);
            return true;
        } catch (TributaryException e) {
            LOG.warn("Cell {} has an unreadable results.json, run again: {}", cellDirectory, e.getMessage());
            return false;
        }
    }
}
