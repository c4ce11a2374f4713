package dev.tributary.results;

import dev.tributary.results.Percentiles;

/**
 * How long until each scored event has influenced the serving model.
 *
 * @param events       per incorporated event: events between it and the first event the updated model served
 * @param millis       per incorporated event: its timestamp to the end of the update that incorporated it, ms
 * @param incorporated scored events the serving model learned from during the run
 * @param never        scored events it never learned from (unbounded freshness: a frozen model)
 */
public record FreshnessResult(Percentiles events, Percentiles millis, long incorporated, long never) {
}
