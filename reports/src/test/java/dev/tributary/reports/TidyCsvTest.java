package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The long-form export of the golden run, read back line by line and checked against results.json's values. */
class TidyCsvTest {

    @Test
    void everyMeasureIsOneRowThatReadsBackToItsValue(@TempDir Path dir) throws Exception {
        ExperimentResults results = ResultsFile.read(GoldenResults.copy(GoldenResults.V6, dir));
        Path out = dir.resolve("csv");
        TidyCsv.write(results, out);

        List<String> metrics = Files.readAllLines(out.resolve(TidyCsv.METRICS));
        assertEquals("run_id,scenario,repetition,seed,strategy,metric,value", metrics.get(0));
        int expected = results.strategies().stream().mapToInt(s -> s.metrics().size()).sum();
        assertEquals(expected, metrics.size() - 1, "one row per strategy x metric");
        for (String line : metrics.subList(1, metrics.size())) {
            String[] f = line.split(",");
            StrategyResult s = results.strategy(f[4]);
            assertEquals(s.metrics().get(f[5]), Double.parseDouble(f[6]), 0.0, line);
            assertEquals(results.scenario().name(), f[1]);
        }

        List<String> curves = Files.readAllLines(out.resolve(TidyCsv.CURVES));
        int points = results.strategies().stream().mapToInt(s -> s.prequential().curve().size()).sum();
        assertEquals(points, curves.size() - 1, "one row per curve point");
        StrategyResult online = results.strategy("online");
        String first = curves.stream().filter(l -> l.contains(",online,ideal,")).findFirst().orElseThrow();
        assertEquals(online.prequential().curve().get(0).windowAccuracy(), Double.parseDouble(first.split(",")[7]), 0.0);

        List<String> percentiles = Files.readAllLines(out.resolve(TidyCsv.PERCENTILES));
        String p50 = percentiles.stream().filter(l -> l.contains(",online,freshness,events,p50,")).findFirst().orElseThrow();
        assertEquals(online.freshness().events().p50(), Long.parseLong(p50.substring(p50.lastIndexOf(',') + 1)));
        String fromLabel = percentiles.stream().filter(l -> l.contains(",online,freshness_from_label,events,p50,"))
                .findFirst().orElseThrow();
        assertEquals(online.labels().freshnessEvents().p50(), Long.parseLong(fromLabel.substring(fromLabel.lastIndexOf(',') + 1)));
    }
}
