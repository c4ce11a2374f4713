package dev.tributary.common.config.generator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StreamSpecYamlTest {

    /** Strict, like the scenario loader: unknown keys and left-out numbers are errors. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectMapper LENIENT = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);

    @Test
    void readsConceptsByTypeAndDriftByKind() throws Exception {
        StreamSpec spec = YAML.readValue("""
                concepts:
                  - {type: sea, function: 1, noise: 0.1}
                  - {type: sea, function: 3, noise: 0.1}
                drift: {kind: abrupt, positions: [5000]}
                """, StreamSpec.class);
        assertEquals(List.of(new SeaSpec(1, 0.1), new SeaSpec(3, 0.1)), spec.concepts());
        assertEquals(DriftSpec.abrupt(5000), spec.drift());
        assertEquals(List.of(5000L), spec.driftPositions(10_000));
    }

    @Test
    void readsEveryGeneratorWithKebabCaseKeys() throws Exception {
        StreamSpec spec = YAML.readValue("""
                concepts:
                  - {type: hyperplane, dimensions: 10, drifting-attributes: 2, magnitude: 0.001, noise: 0.05, sigma-reversal: 0.1}
                  - {type: hyperplane, dimensions: 10, drifting-attributes: 0, magnitude: 0, noise: 0.05, sigma-reversal: 0}
                drift: {kind: GRADUAL, positions: [25000], width: 10000}
                """, StreamSpec.class);
        assertEquals(new HyperplaneSpec(10, 2, 0.001, 0.05, 0.1), spec.concepts().get(0));
        assertEquals(DriftSpec.gradual(25000, 10000), spec.drift());
        assertEquals(new RandomRbfSpec(10, 2, 50, 50, 0.001), YAML.readValue(
                "{type: rbf, dimensions: 10, classes: 2, centroids: 50, drifting-centroids: 50, speed: 0.001}",
                GeneratorSpec.class));
        assertEquals(new StaggerSpec(2), YAML.readValue("{type: stagger, function: 2}", GeneratorSpec.class));
        assertEquals(new AgrawalSpec(7, 0.05), YAML.readValue("{type: agrawal, function: 7, perturbation: 0.05}",
                GeneratorSpec.class));
        assertEquals(new SineSpec(3, true, 0.1), YAML.readValue(
                "{type: sine, function: 3, irrelevant-attributes: true, noise: 0.1}", GeneratorSpec.class));
    }

    @Test
    void driftKeysOfOtherKindsMayBeLeftOutEvenByAStrictMapper() throws Exception {
        StreamSpec spec = YAML.readValue("concepts: [{type: sea, function: 2, noise: 0.1}]", StreamSpec.class);
        assertNull(spec.drift());
        assertEquals(List.of(), spec.driftPositions(1000));
        StreamSpec recurring = YAML.readValue("""
                concepts: [{type: stagger, function: 1}, {type: stagger, function: 2}]
                drift: {kind: recurring, period: 1000}
                """, StreamSpec.class);
        assertEquals(DriftSpec.recurring(1000, 0), recurring.drift());
        assertThrows(MismatchedInputException.class, () -> YAML.readValue(
                "concepts: [{type: sea, function: 2}]", StreamSpec.class));
        assertEquals(List.of(new SeaSpec(2, 0)),
                LENIENT.readValue("concepts: [{type: sea, function: 2}]", StreamSpec.class).concepts());
    }

    @Test
    void invalidValuesSurfaceAsConfigExceptions() {
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class, () -> YAML.readValue(
                "concepts: [{type: sea, function: 9, noise: 0.1}]", StreamSpec.class));
        assertEquals("generator.function", assertInstanceOf(ConfigException.class, e.getCause()).field());
        ValueInstantiationException kind = assertThrows(ValueInstantiationException.class, () -> YAML.readValue(
                "concepts: [{type: sea, function: 1, noise: 0}]\ndrift: {kind: sudden, positions: [5]}", StreamSpec.class));
        assertEquals("drift.kind", assertInstanceOf(ConfigException.class, kind.getCause()).field());
    }

    @Test
    void writesWhatItReads() throws Exception {
        StreamSpec spec = new StreamSpec(List.of(new SineSpec(1, true, 0.1), new SineSpec(2, true, 0.1)),
                DriftSpec.recurring(5000, 500));
        String yaml = YAML.writeValueAsString(spec);
        assertEquals(spec, YAML.readValue(yaml, StreamSpec.class), yaml);
        assertEquals(StreamSpec.of(new SeaSpec(4, 0.2)),
                YAML.readValue(YAML.writeValueAsString(StreamSpec.of(new SeaSpec(4, 0.2))), StreamSpec.class));
    }
}
