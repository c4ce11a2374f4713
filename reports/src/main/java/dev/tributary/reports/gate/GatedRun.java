package dev.tributary.reports.gate;

import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.Mode;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What defines the quality numbers of a run, so that a gate checks only the run it was set for: a
 * 6,000-event sea-abrupt run is not the 20,000-event one its floors were measured on, though both
 * are named sea-abrupt. The fingerprint digests ({@link ScenarioFiles#digest}) the recorded
 * scenario without what cannot change a quality number: its name and description, the Kafka
 * settings, the derived seeds (the master seed stays), the stream trainer's group, whether a
 * warm-up ran and whether strategies ran concurrently (results are bit for bit the same either
 * way), and the producer's rate unless the run was deployed, where the rate decides how stale the
 * served model is. (A checkpoint's {@link ScenarioConfig#fingerprint()} is another question, of
 * which data and model a checkpoint belongs to, and digests other parts.)
 *
 * @param fingerprint 16 hex digits
 * @param defines     a one-line account of the run, to say how two runs differ
 */
public record GatedRun(String fingerprint, String defines) {

    /**
     * @param scenario a run's recorded scenario
     * @return what defines it
     */
    public static GatedRun of(ScenarioConfig scenario) {
        EvaluationConfig e = scenario.evaluation();
        boolean deployed = scenario.mode() == Mode.DEPLOYED;
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("source", scenario.source());
        parts.put("split", scenario.split());
        parts.put("protocol", scenario.protocol());
        parts.put("mode", scenario.mode());
        parts.put("strategies", scenario.strategies());
        parts.put("model", scenario.model());
        parts.put("batch", scenario.batch());
        parts.put("stream", scenario.stream().withGroupId(null));
        parts.put("periodic", scenario.periodic());
        parts.put("evaluation", new EvaluationConfig(e.historyFraction(), e.window(), e.fadingFactor(), e.curveEvery(),
                e.holdoutCurveEvery(), false, false));
        parts.put("labels", scenario.labels());
        if (deployed) {
            parts.put("rate", scenario.rate());
        }
        parts.put("seed", scenario.seed());
        parts.put("repetitions", scenario.repetitions());
        String defines = String.format(Locale.ROOT, "%s, %s%s, seed %d, %d repetition(s)",
                scenario.source().describe(), scenario.protocol().key(),
                deployed ? String.format(Locale.ROOT, ", deployed at %,.0f events/s", scenario.rate().eventsPerSecond()) : "",
                scenario.seed(), scenario.repetitions());
        return new GatedRun(ScenarioFiles.digest(parts), defines);
    }
}
