package dev.tributary.common.config;

/**
 * When an event's label becomes known. By default it comes with the event (the event's record
 * key). With a delay, the producer writes events without labels and each label to a topic of its
 * own, {@code <name>-labels}, when it falls due; learners join each label to the features they
 * hold and learn only labelled events, while every event is still predicted on arrival.
 *
 * <p>A label is due a number of events after its event, fixed in advance: {@code delay-events},
 * or {@code delay-ms} on the stream's schedule (at a rate of r events/s, event i is due at
 * {@code i / r} s, so a delay of T ms is {@code ceil(T r / 1000)} events). So the events a model
 * has learned when it predicts an event depend on the scenario alone, never on the machine's
 * speed, and quality stays reproducible from the seed. The history's labels are known (it is the
 * past): they come with their events.
 *
 * @param delayEvents   events after its event that a label is due (0: none)
 * @param delayMs       or: milliseconds on the stream's schedule (needs a rate; 0: none)
 * @param horizonEvents the most events an unlabelled event waits for its label: one that waits
 *                      longer is dropped and counted as expired, so the learner's state is bounded
 * @param ownTopic      whether labels travel on {@code <name>-labels}; true whenever there is a
 *                      delay (derived when unset); true with no delay runs the join itself, which
 *                      must then give exactly the results of labels that come with their events
 */
public record LabelsConfig(long delayEvents, long delayMs, long horizonEvents, Boolean ownTopic) {

    /** The default horizon: long enough for any delay the shipped scenarios use, and bounded. */
    public static final long DEFAULT_HORIZON_EVENTS = 100_000;

    /** Labels with their events. */
    public static final LabelsConfig DEFAULT = new LabelsConfig(0, 0, DEFAULT_HORIZON_EVENTS, null);

    /**
     * @throws ConfigException naming the field, if a value is out of range or both delays are set
     */
    public LabelsConfig {
        ConfigException.require(delayEvents >= 0, "labels.delay-events", delayEvents, "0 or a number of events");
        ConfigException.require(delayMs >= 0, "labels.delay-ms", delayMs, "0 or a number of milliseconds");
        ConfigException.require(delayEvents == 0 || delayMs == 0, "labels.delay-ms", delayMs,
                "0 when labels.delay-events is set (" + delayEvents + "): one delay or the other");
        ConfigException.require(horizonEvents > 0, "labels.horizon-events", horizonEvents, "a positive number of events");
        boolean delayed = delayEvents > 0 || delayMs > 0;
        ConfigException.require(ownTopic == null || ownTopic || !delayed, "labels.own-topic", ownTopic,
                "true (or unset) with a delay: a delayed label travels on its own topic");
        ownTopic = ownTopic == null ? delayed : ownTopic;
    }

    /**
     * @param delayEvents events after its event that a label is due
     * @return labels on their own topic, that many events late (0: the join with no delay)
     */
    public static LabelsConfig delayedBy(long delayEvents) {
        return new LabelsConfig(delayEvents, 0, DEFAULT_HORIZON_EVENTS, true);
    }

    /** @return whether labels come on their own topic, to be joined to their events */
    public boolean joined() {
        return ownTopic;
    }

    /**
     * @param rate the stream's rate
     * @return the delay in events (a delay in ms converted on the stream's schedule)
     */
    public long delayEvents(RateConfig rate) {
        if (delayMs == 0) {
            return delayEvents;
        }
        return (long) Math.ceil(delayMs * rate.eventsPerSecond() / 1000.0);
    }

    /** @return the delay as the scenario states it, e.g. "500 events" or "2000 ms" */
    public String describe() {
        return delayMs > 0 ? delayMs + " ms" : delayEvents + " events";
    }
}
