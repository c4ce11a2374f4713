package dev.tributary.evaluation.suite;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.SuiteConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShardTest {

    @Test
    void theShardsPartitionTheCellsExactly() {
        SuiteConfig suite = new SuiteConfig("p", List.of(SuiteConfig.Entry.of("sea-abrupt"),
                SuiteConfig.Entry.of("rbf-drift")), List.of(1L, 2L, 3L), Map.of(),
                Map.of("stream.mini-batch", List.of(10, 100, 1000)));
        List<SuiteConfig.Cell> cells = suite.cells();
        assertEquals(18, cells.size());
        for (int n = 1; n <= 5; n++) {
            int[] owners = new int[cells.size()];
            for (int i = 0; i < n; i++) {
                SuiteRunner.Shard shard = new SuiteRunner.Shard(i, n);
                for (SuiteConfig.Cell cell : cells) {
                    owners[cell.index()] += shard.contains(cell) ? 1 : 0;
                }
            }
            for (int owner : owners) {
                assertEquals(1, owner, "every cell in exactly one of " + n + " shards");
            }
        }
        assertEquals(new SuiteRunner.Shard(2, 4), SuiteRunner.Shard.parse("2/4"));
        assertThrows(ConfigException.class, () -> SuiteRunner.Shard.parse("4/4"));
        assertThrows(ConfigException.class, () -> SuiteRunner.Shard.parse("a/b"));
        assertThrows(ConfigException.class, () -> SuiteRunner.Shard.parse("1"));
    }
}
