package dev.tributary.common.config;

import dev.tributary.common.config.generator.SeaSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFilesTest {

    @Test
    void everyBuiltInLoadsAndDescribesItself() {
        Map<String, String> builtIns = ScenarioFiles.builtIns();
        assertEquals(List.of("breast-cancer", "sea-abrupt", "hyperplane-gradual", "rbf-drift", "spambase", "shuttle",
                "electricity"), List.copyOf(builtIns.keySet()));
        builtIns.forEach((name, description) -> {
            ScenarioConfig scenario = ScenarioFiles.load(name, Map.of());
            assertEquals(name, scenario.name());
            assertFalse(description.isBlank(), name);
            assertEquals(scenario.source().generated() || scenario.protocol() == Protocol.PREQUENTIAL,
                    !scenario.split().shuffled(), name + ": streams, and any prequential source, keep time order");
        });
    }

    @Test
    void aPrequentialDataSetKeepsItsFileOrderAndHoldoutShufflesIt() {
        assertTrue(ScenarioFiles.load("breast-cancer", Map.of()).split().shuffled(), "the tutorial's shuffled split");
        assertFalse(ScenarioFiles.load("breast-cancer", Map.of("protocol", "prequential")).split().shuffled(),
                "a prequential stream is a stream");
        assertFalse(ScenarioFiles.load("breast-cancer", Map.of("split.shuffle", false)).split().shuffled(),
                "--time-ordered under holdout");
        assertTrue(ScenarioFiles.load("electricity", Map.of("split.shuffle", true)).split().shuffled(),
                "shuffling a prequential data set is still allowed, on purpose");
        ScenarioConfig electricity = ScenarioFiles.load("electricity", Map.of());
        assertEquals(Protocol.PREQUENTIAL, electricity.protocol());
        assertEquals("electricity", electricity.source().dataset());
        assertFalse(electricity.split().shuffled(), "electricity is read in time order");
    }

    @Test
    void aFileLeavingKeysOutGetsTheDefaultScenariosValues() {
        ScenarioConfig minimal = ScenarioFiles.parse("name: s\nsource: {dataset: breast-cancer}\n", Map.of());
        ScenarioConfig tutorial = ScenarioFiles.load("breast-cancer", Map.of());
        assertEquals(tutorial.strategies(), minimal.strategies());
        assertEquals(tutorial.periodic(), minimal.periodic());
        assertEquals(ScenarioConfig.defaults().strategies(), tutorial.strategies());
        assertEquals(ScenarioConfig.defaults().periodic(), tutorial.periodic());
    }

    @Test
    void aDescriptionDescribesTheScenarioThatRuns() {
        String tutorial = ScenarioFiles.load("breast-cancer", Map.of()).description();
        assertTrue(tutorial.startsWith("The tutorial"), "a built-in's own description: " + tutorial);
        String prequential = ScenarioFiles.load("breast-cancer", Map.of("protocol", "prequential")).description();
        assertEquals("data set breast-cancer, in file order, prequential, every strategy", prequential,
                "an option that changes what runs replaces it with one derived from the run");
        String shorter = ScenarioFiles.load("sea-abrupt", Map.of("source.events", 6000,
                "source.generator.drift.positions", List.of(3000))).description();
        assertTrue(shorter.startsWith("6,000 generated events: "), shorter);
        assertTrue(shorter.contains("3000") && !shorter.contains("10,000") && !shorter.contains("20,000"), shorter);
        assertTrue(shorter.contains("1,000 events/s"), shorter);
        String named = ScenarioFiles.load("breast-cancer", Map.of("description", "mine", "protocol", "prequential"))
                .description();
        assertEquals("mine", named, "unless the description itself is given");
        assertEquals("data set spambase, shuffled, 60/40 split, holdout scores, batch, online",
                ScenarioFiles.parse("name: s\nsource: {dataset: spambase}\nstrategies: [batch, online]\n", Map.of())
                        .description(), "a file without one gets one derived, not the tutorial's");
    }

    @Test
    void theDefaultScenarioIsTheTutorial() {
        ScenarioConfig tutorial = ScenarioFiles.load("breast-cancer", Map.of());
        ScenarioConfig defaults = ScenarioConfig.defaults();
        assertEquals(defaults.source(), tutorial.source());
        assertEquals(defaults.split(), tutorial.split());
        assertEquals(defaults.model(), tutorial.model());
        assertEquals(defaults.batch(), tutorial.batch());
        assertEquals(defaults.stream(), tutorial.stream());
        assertEquals(Protocol.HOLDOUT, tutorial.protocol());
        assertEquals(Strategy.ALL, tutorial.strategies());
    }

    @Test
    void sineAddsMoasTwoIrrelevantAttributesUnlessToldNot() {
        String file = """
                name: waves
                source:
                  events: 1000
                  generator:
                    concepts: [{type: sine, function: 2}]
                """;
        assertEquals(new dev.tributary.common.config.generator.SineSpec(2, true, 0.0),
                ScenarioFiles.parse(file, Map.of()).source().generator().concepts().get(0),
                "MOA's SineGenerator keeps its two irrelevant attributes unless suppressIrrelevantAttributes is set");
        assertEquals(new dev.tributary.common.config.generator.SineSpec(2, false, 0.0), ScenarioFiles.parse(
                file.replace("function: 2}", "function: 2, irrelevant-attributes: false}"), Map.of())
                .source().generator().concepts().get(0));
    }

    @Test
    void aFileSaysOnlyWhatDiffersAndOverridesComeLast() {
        ScenarioConfig scenario = ScenarioFiles.parse("""
                name: mine
                source:
                  events: 1000
                  generator:
                    concepts: [{type: sea, function: 2}]
                batch: {epochs: 3}
                """, Map.of("batch.batch-size", 16, "seed", 7L));
        assertEquals(3, scenario.batch().epochs());
        assertEquals(16, scenario.batch().batchSize());
        assertEquals(BatchTrainingConfig.DEFAULT.epochs(), ScenarioConfig.defaults().batch().epochs());
        assertEquals(new SeaSpec(2, 0.1), scenario.source().generator().concepts().get(0), "MOA's default noise");
        assertEquals(Seeds.derive(7), scenario.seeds());
        assertEquals("mine-stream-trainer", scenario.stream().groupId());
        assertEquals("mine-train", scenario.topics().train());
        assertFalse(scenario.split().shuffled());
    }

    @Test
    void anArffSourceNamesItsFileAndClassAttribute() {
        ScenarioConfig scenario = ScenarioFiles.parse("source: {arff: {location: data/weather.arff, label-column: play}}",
                Map.of());
        assertEquals(new ArffSpec("data/weather.arff", "play"), scenario.source().arff());
        assertEquals("ARFF data/weather.arff", scenario.source().describe());
        assertTrue(scenario.split().shuffled(), "a data set from a file, shuffled unless told otherwise");
        assertEquals(scenario, ScenarioFiles.parse(ScenarioFiles.toYaml(scenario), Map.of()));
        assertEquals(null, ScenarioFiles.parse("source: {arff: {location: w.arff}}", Map.of()).source().arff().labelColumn(),
                "left out: the last attribute");
    }

    @Test
    void yamlRoundTrips() {
        for (String name : ScenarioFiles.BUILT_IN) {
            ScenarioConfig scenario = ScenarioFiles.load(name, Map.of());
            assertEquals(scenario, ScenarioFiles.parse(ScenarioFiles.toYaml(scenario), Map.of()), name);
        }
    }

    @Test
    void aCsvSourceInAFileHasAHeaderUnlessItSaysOtherwise() {
        String file = "name: c\nsource: {csv: {location: data.csv, label-column: y%s}}\n";
        assertTrue(ScenarioFiles.parse(String.format(file, ""), Map.of()).source().csv().hasHeader(), "as --csv");
        assertFalse(ScenarioFiles.parse(String.format(file, ", has-header: false"), Map.of()).source().csv().hasHeader());
    }

    @Test
    void theShownYamlCanBeEditedAndRun() {
        String shown = ScenarioFiles.toYaml(ScenarioFiles.load("sea-abrupt", Map.of()));
        assertTrue(shown.contains("seed: 42"), shown);
        ScenarioConfig edited = ScenarioFiles.parse(shown.replace("seed: 42", "seed: 7").replace("name: sea-abrupt",
                "name: sea-copy"), Map.of());
        assertEquals(Seeds.derive(7), edited.seeds(), "the component seeds follow the edited seed");
        assertEquals("sea-copy-stream-trainer", edited.stream().groupId(), "and the group the edited name");
    }

    @Test
    void lateLabelsAreASectionOfTheirOwn() {
        ScenarioConfig onTime = ScenarioFiles.load("sea-abrupt", Map.of());
        assertEquals(LabelsConfig.DEFAULT, onTime.labels(), "by default each label comes with its event");
        assertFalse(onTime.labels().joined());

        ScenarioConfig late = ScenarioFiles.parse("name: s\nprotocol: prequential\nlabels: {delay-events: 500}\n", Map.of());
        assertTrue(late.labels().joined(), "a delay puts the labels on their own topic");
        assertEquals(LabelsConfig.DEFAULT_HORIZON_EVENTS, late.labels().horizonEvents(), "the section merges with the defaults");
        assertEquals("s-labels", late.labelsTopic());
        assertTrue(late.description().endsWith("labels 500 events late, every strategy"), late.description());
        assertEquals(new dev.tributary.common.data.LabelSchedule(200, 500), late.labelSchedule(1000),
                "the history's labels come with their events");

        ScenarioConfig inMs = ScenarioFiles.load("sea-abrupt", Map.of("labels.delay-ms", 2500));
        assertEquals(2500, inMs.labels().delayEvents(inMs.rate()), "2.5 s at 1,000 events/s is 2,500 events");
        assertEquals(3, new LabelsConfig(0, 2001, 10, null).delayEvents(new RateConfig(1)), "rounded up");

        String shown = ScenarioFiles.toYaml(late);
        assertFalse(shown.contains("own-topic"), "derived from the delay: " + shown);
        ScenarioConfig edited = ScenarioFiles.parse(shown.replace("delay-events: 500", "delay-events: 0"), Map.of());
        assertFalse(edited.labels().joined(), "an edited delay brings its own topic setting");
        assertEquals(late, ScenarioFiles.parse(shown, Map.of()));
    }

    @Test
    void errorsNameTheKeyPath(@TempDir Path dir) throws Exception {
        assertRejected("mode", "deployed", "the deployed mode needs protocol: prequential", "mode: deployed");
        assertRejected("labels.delay-events", "got -1", "0 or a number of events", "labels: {delay-events: -1}");
        assertRejected("labels.delay-ms", "got 5", "one delay or the other", "labels: {delay-events: 3, delay-ms: 5}");
        assertRejected("labels.horizon-events", "got 0", "positive", "labels: {horizon-events: 0}");
        assertRejected("labels.own-topic", "false", "true (or unset) with a delay",
                "labels: {delay-events: 3, own-topic: false}");
        assertRejected("labels.delay-ms", "got 100", "needs a rate", "labels: {delay-ms: 100}");
        assertRejected("labels.delay-events", "10 events", "no delay with rate.events-per-second 0 in the deployed mode",
                "protocol: prequential\nmode: deployed\nlabels: {delay-events: 10}");
        assertRejected("labels.delay-events", "10 events", "shorter than labels.horizon-events (10)",
                "protocol: prequential\nmode: deployed\nrate: {events-per-second: 100}\nlabels: {delay-events: 10, horizon-events: 10}");
        assertRejected("labels.delay", "unknown key", "[delay-events, delay-ms, horizon-events, own-topic]",
                "labels: {delay: 10}");
        assertRejected("batch.epoch", "unknown key", "expected one of [batch-size, epochs]", "batch: {epoch: 3}");
        assertRejected("batch.epochs", "'many'", "int", "batch: {epochs: many}");
        assertRejected("batch.epochs", "got -2", "0 or more", "batch: {epochs: -2}");
        assertRejected("source.generator.concepts[1].function", "got 9", "1, 2, 3 or 4", """
                source:
                  events: 10
                  generator:
                    concepts: [{type: sea}, {type: sea, function: 9}]
                    drift: {kind: abrupt, positions: [5]}
                """);
        assertRejected("source.dataset", "iris", "[breast-cancer, spambase, shuttle, electricity]", "source: {dataset: iris}");
        assertRejected("source", "2 sources", "exactly one of dataset, csv, arff, generator",
                "source: {dataset: spambase, csv: {location: x.csv, label-column: y}}");
        assertRejected("source", "2 sources", "exactly one", "source: {arff: {location: x.arff}, csv: {location: x.csv, label-column: y}}");
        assertRejected("source.arff.location", "got null", "an ARFF file's path", "source: {arff: {label-column: play}}");
        assertRejected("source.arff.label", "unknown key", "[label-column, location] under source.arff",
                "source: {arff: {location: x.arff, label: play}}");
        assertRejected("source.csv.classes", "[1]", "two or more distinct label values",
                "source: {csv: {location: x.csv, label-column: y, classes: [1]}}");
        assertRejected("source.csv.class-names", "[a, a]", "one distinct name per class",
                "source: {csv: {location: x.csv, label-column: y, classes: [1, 2], class-names: [a, a]}}");
        assertRejected("split.shuffle", "true", "false for a generated stream", """
                source: {events: 10, generator: {concepts: [{type: sea}]}}
                split: {shuffle: true}
                """);
        assertRejected("strategies[1]", "magic", "one of [batch, periodic-retrain", "strategies: [batch, magic]");
        assertRejected("strategies", "[batch, batch]", "distinct strategies", "strategies: [batch, batch]");
        assertRejected("repetitions", "got 0", "1 to 100", "repetitions: 0");
        assertRejected("seeds", "", "derive from 'seed'", "seeds: {master: 1, split: 2, model: 3, shuffle: 4}");
        assertRejected("protocol", "streaming", "[holdout, prequential]", "protocol: streaming");
        assertRejected("source.events", "got 0", "positive", "source: {generator: {concepts: [{type: sea}]}}");
        assertRejected("kafka.properties.ssl.truststore.password", "[hidden]", "--kafka-config",
                "kafka: {properties: {ssl.truststore.password: hunter2}}");
        ConfigException secret = assertThrows(ConfigException.class, () -> ScenarioFiles.parse(
                "kafka: {properties: {sasl.jaas.config: 'x required password=\"hunter2\";'}}", Map.of()));
        assertFalse(secret.getMessage().contains("hunter2"), "the secret is not quoted: " + secret.getMessage());
        assertRejected("kafka.properties.basic.auth.user.info", "[hidden]", "--kafka-config",
                "kafka: {properties: {basic.auth.user.info: 'alice:hunter2'}}");
        assertRejected("kafka.properties.schema.registry.url", "[hidden]", "--kafka-config",
                "kafka: {properties: {schema.registry.url: 'https://alice:hunter2@registry:8081'}}");

        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: x\nbatch: {epochs: 3\n");
        ConfigException syntax = assertThrows(ConfigException.class, () -> ScenarioFiles.load(file.toString(), Map.of()));
        assertTrue(syntax.getMessage().contains("does not parse at line"), syntax.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> ScenarioFiles.load("no-such", Map.of()));
        assertEquals("--scenario", missing.field());
        assertRejected("split.max-line-bytes", "got 100", "from 1024 to 524288", "split: {max-line-bytes: 100}");
        assertEquals(65_536, ScenarioFiles.parse("name: x", Map.of()).split().maxLineBytes());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        for (String yaml : List.of("name: a\nname: b\n", "batch: {epochs: 3, epochs: 4}\n", "batch:\n  epochs: 3\n  epochs: 4\n")) {
            ConfigException e = assertThrows(ConfigException.class, () -> ScenarioFiles.parse(yaml, Map.of()), yaml);
            assertTrue(e.getMessage().contains("Duplicate field '" + (yaml.startsWith("name") ? "name" : "epochs") + "'"),
                    e.getMessage());
        }
        Path file = dir.resolve("twice.yaml");
        Files.writeString(file, "name: a\nseed: 1\nseed: 2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ScenarioFiles.load(file.toString(), Map.of()));
        assertTrue(e.getMessage().contains("Duplicate field 'seed'"), e.getMessage());
    }

    @Test
    void aFileOverTheSizeCapIsRefusedBeforeItIsParsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        // 20 MB of one valid mapping: parsing it took minutes; it must be refused at once.
        try (var out = Files.newBufferedWriter(file)) {
            out.write("name: huge\ndescription: \"");
            String chunk = "x".repeat(1_000);
            for (int i = 0; i < 20_000; i++) {
                out.write(chunk);
            }
            out.write("\"\n");
        }
        ConfigException e = assertThrows(ConfigException.class, () -> ScenarioFiles.load(file.toString(), Map.of()));
        assertEquals("--scenario", e.field());
        assertTrue(e.problem().contains("a YAML file of at most 1048576 bytes"), e.getMessage());
    }

    private static void assertRejected(String field, String got, String expected, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> ScenarioFiles.parse(yaml, Map.of()), yaml);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(got), e.getMessage());
        assertTrue(e.problem().contains(expected), e.getMessage());
    }
}
