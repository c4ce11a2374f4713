package dev.tributary.common.config.generator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One concept of a synthetic stream: a published generator and its parameters. In a scenario
 * file the {@code type} key names the generator ({@code sea}, {@code hyperplane}, {@code rbf},
 * {@code stagger}, {@code agrawal}, {@code sine}) and the other keys are its parameters, in kebab
 * case, and every one should be given (the scenario loader rejects a left-out number; a lenient
 * mapper reads it as 0 or {@code false}, which validation then accepts or rejects). Every
 * implementation validates in its constructor and throws {@link
 * dev.tributary.common.config.ConfigException} naming the key as {@code generator.<key>}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SeaSpec.class, name = "sea"),
        @JsonSubTypes.Type(value = HyperplaneSpec.class, name = "hyperplane"),
        @JsonSubTypes.Type(value = RandomRbfSpec.class, name = "rbf"),
        @JsonSubTypes.Type(value = StaggerSpec.class, name = "stagger"),
        @JsonSubTypes.Type(value = AgrawalSpec.class, name = "agrawal"),
        @JsonSubTypes.Type(value = SineSpec.class, name = "sine")
})
public sealed interface GeneratorSpec
        permits SeaSpec, HyperplaneSpec, RandomRbfSpec, StaggerSpec, AgrawalSpec, SineSpec {

    /** @return the number of classes the generator's labels take, always at least 2 */
    int numClasses();

    /**
     * Concepts of one stream must agree on this, because a learner sees a single schema.
     *
     * @return the number of features of each generated example
     */
    int numFeatures();

    /** @return one short line for reports, such as {@code SEA function 1, 10% noise} */
    String describe();
}
