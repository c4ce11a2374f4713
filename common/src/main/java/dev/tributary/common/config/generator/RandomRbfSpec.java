package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;

/**
 * The random radial-basis-function stream with drifting centroids, as MOA's {@code
 * RandomRBFGeneratorDrift} defines it (Bifet et al., "MOA: Massive Online Analysis", JMLR 11,
 * 2010): centroids with a random centre in [0, 1)^d, class, standard deviation and weight; each
 * example picks a centroid by weight and lies at a Gaussian distance from its centre in a uniform
 * direction, with the centroid's class. The first {@code drifting-centroids} centroids move by
 * {@code speed} per event, bouncing off the unit cube's faces.
 *
 * @param dimensions        the number of attributes, at least 1; MOA's default is 10
 * @param classes           the number of classes, at least 2; MOA's default is 2
 * @param centroids         the number of centroids, at least 1; MOA's default is 50
 * @param driftingCentroids how many centroids move, 0 to {@code centroids}; MOA's default is 50
 * @param speed             how far a moving centre travels per event (Euclidean), at least 0;
 *                          MOA's default is 0
 */
public record RandomRbfSpec(int dimensions, int classes, int centroids, int driftingCentroids, double speed)
        implements GeneratorSpec {

    /**
     * @throws ConfigException naming the first parameter out of its range
     */
    public RandomRbfSpec {
        ConfigException.require(dimensions >= 1, "generator.dimensions", dimensions, "at least 1 attribute");
        ConfigException.require(classes >= 2, "generator.classes", classes, "at least 2 classes");
        ConfigException.require(centroids >= 1, "generator.centroids", centroids, "at least 1 centroid");
        ConfigException.require(driftingCentroids >= 0 && driftingCentroids <= centroids,
                "generator.drifting-centroids", driftingCentroids, "0 to " + centroids + " (the centroids)");
        ConfigException.require(speed >= 0 && Double.isFinite(speed), "generator.speed", speed,
                "a finite distance per event, at least 0");
    }

    /** @return the classes */
    @Override
    public int numClasses() {
        return classes;
    }

    /** @return the dimensions */
    @Override
    public int numFeatures() {
        return dimensions;
    }

    @Override
    public String describe() {
        String drift = driftingCentroids == 0 || speed == 0 ? "static"
                : driftingCentroids + " drifting at speed " + Formats.number(speed) + " per event";
        return "random RBF, " + dimensions + " dimensions, " + classes + " classes, " + centroids + " centroids, "
                + drift;
    }
}
