package dev.tributary.performance;

import dev.tributary.serving.ScoringTopology;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.config.TopicNames;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.results.BenchSettings;
import dev.tributary.results.HeadlineRatio;
import dev.tributary.results.BenchSettings.Measure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Measures the headline ratios (see the package documentation): each repetition measures both
 * sides of every selected ratio, the harness first in even repetitions and the ceiling first
 * in odd ones.
 */
public final class HeadlineBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlineBenchmark.class);
    private static final double MB = 1024.0 * 1024.0;

    private final KafkaConnection connection;
    private final ScenarioConfig scenario;
    private final BenchSettings settings;
    private final Path workDir;
    private final String prefix;

    /**
     * @param connection the cluster (with the scenario's client properties applied)
     * @param scenario   a scenario with a generated source: its generator, model, training settings and seeds
     * @param settings   what to measure
     * @param workDir    scratch space: the scorer's state, the tool's payload file
     */
    public HeadlineBenchmark(KafkaConnection connection, ScenarioConfig scenario, BenchSettings settings, Path workDir) {
        if (!scenario.source().generated()) {
            throw new IllegalArgumentException("the headline benchmark needs a generated source");
        }
        this.connection = connection;
        this.scenario = scenario;
        this.settings = settings;
        this.workDir = workDir;
        // Topics of this run only, so that a second run on the same cluster starts from empty ones.
        this.prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    }

    /**
     * @param progress hears each measurement as it completes
     * @return the ratios, in the order of {@link Measure}
     */
    public List<HeadlineRatio> run(ProgressListener progress) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new TributaryException("cannot create " + workDir + ": " + e, e);
        }
        int steps = (settings.warmups() + settings.repetitions()) * settings.measures().size();
        progress.start("measuring " + settings.measures() + ", " + settings.warmups() + " warm-up(s) and "
                + settings.repetitions() + " repetitions", steps);
        Sides producer = new Sides();
        Sides trainer = new Sides();
        Sides scorer = new Sides();
        Sides scorerPassthrough = new Sides();
        Sides scorerInference = new Sides();
        Sides costTime = new Sides();
        Sides costHeap = new Sides();
        ProducerCeiling producerCeiling = new ProducerCeiling(connection, scenario.source().generator(),
                scenario.seeds().split(), settings.producerRecords(), scenario.kafka().trainPartitions(),
                scenario.kafka().replicationFactor(), workDir);
        TrainerCeiling trainerCeiling = new TrainerCeiling(connection, scenario, settings.trainerRecords());
        TopicNames names = new TopicNames(prefix);
        String trainerTopic = names.child("trainer").prefix();
        if (settings.measures().contains(Measure.TRAINER)) {
            trainerCeiling.prepare(trainerTopic);
        }
        ScorerCeiling scorerCeiling = !settings.measures().contains(Measure.SCORER) ? null
                : new ScorerCeiling(connection, scenario, settings.scorerEvents(), settings.scorerMaxBatch(),
                        settings.scorerFlushMs(), workDir.resolve("streams"));
        CostGrowth cost = new CostGrowth(connection, scenario, settings.costShortEvents(), settings.costLongEvents());
        int done = 0;
        for (int r = -settings.warmups(); r < settings.repetitions(); r++) {
            boolean warmup = r < 0;
            // Warm-ups run every path once, unrecorded, so that no repetition pays for class loading and JIT alone.
            boolean harnessFirst = Math.floorMod(r, 2) == 0;
            TopicNames rep = warmup ? names.child("w" + (-r)) : names.repetition(r);
            for (Measure measure : settings.measures()) {
                LOG.info("{} {}: {}", warmup ? "Warm-up" : "Repetition", warmup ? -r : r + 1, measure);
                switch (measure) {
                    case PRODUCER -> {
                        String harnessTopic = rep.child("producer").prefix();
                        String ceilingTopic = rep.child("kafka-producer").prefix();
                        producer.measure(warmup, harnessFirst, () -> producerCeiling.harness(harnessTopic),
                                () -> producerCeiling.ceiling(ceilingTopic));
                        deleteStreams(harnessTopic, ceilingTopic);
                    }
                    case TRAINER -> trainer.measure(warmup, harnessFirst, () -> trainerCeiling.harness(trainerTopic),
                            trainerCeiling::ceiling);
                    case SCORER -> {
                        TopicNames scored = rep.child("scorer");
                        TopicNames forwarded = rep.child("passthrough");
                        // Three sides: the scorer first in even repetitions, last in odd ones.
                        double[] sides = new double[3];
                        if (harnessFirst) {
                            sides[0] = scorerCeiling.harness(scored);
                        }
                        sides[1] = scorerCeiling.passthrough(forwarded);
                        sides[2] = scorerCeiling.ceiling();
                        if (!harnessFirst) {
                            sides[0] = scorerCeiling.harness(scored);
                        }
                        if (!warmup) {
                            scorer.add(sides[0], 1 / (1 / sides[1] + 1 / sides[2]));
                            scorerPassthrough.add(sides[0], sides[1]);
                            scorerInference.add(sides[0], sides[2]);
                        }
                        deleteStreams(ScoringTopology.ScoringTopics.of(scored).all().toArray(String[]::new));
                        deleteStreams(ScoringTopology.ScoringTopics.of(forwarded).all().toArray(String[]::new));
                    }
                    case COST -> {
                        if (warmup) {
                            cost.soak(rep.child("short").prefix(), false);
                        } else {
                            Soak.Result[] soaks = new Soak.Result[2];
                            costTime.measure(false, !harnessFirst,
                                    () -> (soaks[1] = cost.soak(rep.child("long").prefix(), true)).totalMs(),
                                    () -> (soaks[0] = cost.soak(rep.child("short").prefix(), false)).totalMs());
                            costHeap.add(soaks[1].peakLiveBytes() / MB, soaks[0].peakLiveBytes() / MB);
                        }
                    }
                }
                progress.advance(++done);
            }
        }
        deleteStreams(trainerTopic, TrainerCeiling.deadLetterTopic(trainerTopic));
        progress.finish();
        List<HeadlineRatio> ratios = new ArrayList<>();
        if (settings.measures().contains(Measure.PRODUCER)) {
            ratios.add(producer.ratio("producer", "tributary producer, records/s",
                    "Kafka ProducerPerformance, records/s", 0.9, true));
        }
        if (settings.measures().contains(Measure.TRAINER)) {
            ratios.add(trainer.ratio("trainer", "online learner from Kafka (test-then-train), events/s",
                    "same learner, same mini-batches, in memory, events/s", 0.8, true));
        }
        if (settings.measures().contains(Measure.SCORER)) {
            // The goal is on the combination, the one ceiling that bounds the scorer (see ScorerCeiling);
            // the other two say which of its parts stands in the way, and have no goal of their own.
            ratios.add(scorer.ratio("scorer", "scorer through Kafka Streams, events/s",
                    "passthrough and inference combined, 1/(1/p + 1/i), events/s", 0.7, true));
            ratios.add(scorerPassthrough.ratio("scorer-passthrough", "scorer through Kafka Streams, events/s",
                    "passthrough Streams application of the scorer's shape, events/s", Double.NaN, true));
            ratios.add(scorerInference.ratio("scorer-inference", "scorer through Kafka Streams, events/s",
                    "batched inference in memory, rows/s", Double.NaN, true));
        }
        if (settings.measures().contains(Measure.COST)) {
            double lengthRatio = (double) settings.costLongEvents() / settings.costShortEvents();
            ratios.add(costTime.ratio("cost-time", "time, " + settings.costLongEvents() + " events, ms",
                    "time, " + settings.costShortEvents() + " events, ms", lengthRatio * 1.1, false));
            ratios.add(costHeap.ratio("cost-heap", "peak live heap, " + settings.costLongEvents() + " events, MB",
                    "peak live heap, " + settings.costShortEvents() + " events, MB", 1.2, false));
        }
        return ratios;
    }

    /** Deletes each stream topic with the (unused) test and dead-letter topics named after it. */
    private void deleteStreams(String... topics) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            for (String topic : topics) {
                admin.delete(TopicsConfig.stream(topic, 1, (short) 1).all().toArray(String[]::new));
            }
        } catch (TributaryException e) {
            // Leftover topics cost disk, not correctness.
            LOG.warn("Could not delete benchmark topics: {}", e.getMessage());
        }
    }

    /** Both sides of one ratio, repetition by repetition. */
    private static final class Sides {
        private final List<Double> numerators = new ArrayList<>();
        private final List<Double> denominators = new ArrayList<>();

        /** Measures both sides in the order given; a warm-up's figures are not kept. */
        void measure(boolean warmup, boolean numeratorFirst, DoubleSupplier numerator, DoubleSupplier denominator) {
            double n;
            double d;
            if (numeratorFirst) {
                n = numerator.getAsDouble();
                d = denominator.getAsDouble();
            } else {
                d = denominator.getAsDouble();
                n = numerator.getAsDouble();
            }
            if (!warmup) {
                add(n, d);
            }
        }

        void add(double numerator, double denominator) {
            numerators.add(numerator);
            denominators.add(denominator);
            LOG.info("  {} / {} = {}", String.format("%.1f", numerator), String.format("%.1f", denominator),
                    String.format("%.3f", numerator / denominator));
        }

        HeadlineRatio ratio(String id, String numerator, String denominator, double goal, boolean atLeast) {
            return new HeadlineRatio(id, numerator, denominator, numerators, denominators, goal, atLeast);
        }
    }
}
