package dev.tributary.common.config;

import java.util.SplittableRandom;

/**
 * The seeds of one run, derived from one master seed so that a run is reproduced by that
 * number alone; every component's seed is recorded with the results.
 *
 * @param master  the seed the others derive from
 * @param split   shuffles the data set before the train/test split
 * @param model   initialises the network's weights
 * @param shuffle orders the rows within each training epoch
 */
public record Seeds(long master, long split, long model, long shuffle) {

    /** The default master seed. */
    public static final long DEFAULT_SEED = 42L;

    /**
     * @param master the master seed
     * @return the component seeds, drawn in a fixed order from {@link SplittableRandom}
     */
    public static Seeds derive(long master) {
        SplittableRandom random = new SplittableRandom(master);
        return new Seeds(master, random.nextLong(), random.nextLong(), random.nextLong());
    }
}
