/**
 * The deployed mode: each strategy as it would run in production, all through Kafka
 * ({@link dev.tributary.evaluation.deployment.Deployment}), and the evaluator of what it served
 * ({@link dev.tributary.evaluation.deployment.ServedEvaluator}), which needs only the predictions
 * and models topics and so measures a deployment on a cluster alike.
 *
 * <h2>Measuring what was served</h2>
 *
 * <p><b>Quality as served</b>: the prequential metrics of the predictions the scorer wrote, each
 * joined with its label (the prediction's key repeats the event's). The ideal (test-then-train in
 * process) predicts each event with the model that has learned every complete update before it;
 * a deployment predicts it with whatever version the scorer had swapped in when the event arrived.
 * The difference between the two is what staleness costs.
 *
 * <p><b>Staleness</b> of a prediction: how far the model that made it lagged the event, read from
 * the model's own record on the models topic (its provenance: the offsets it has learned, per
 * partition, and the timestamp of the newest event it learned from) and the prediction's own
 * record (its event's partition, offset and timestamp, and the model version). In events: the
 * event's offset minus the model's next offset in that partition (0 when it had learned every
 * earlier event); in ms: the event's timestamp minus the model's newest event's.
 *
 * <p><b>Latency</b>: from the event's intended send time (its record timestamp, open loop) to the
 * prediction's arrival at the evaluator. <b>Publish → swap</b>: from a model record's timestamp on
 * the models topic to the scoring of the first prediction its version made. <b>Trainer lag</b>: per
 * version, from its newest event's timestamp to the model's creation.
 *
 * <p>Worked example: {@code online} checkpoints and publishes every 100 events; at 1,000 events/s
 * the event just after a checkpoint is served by the previous version until the new one is
 * trained, published and swapped in (~20 ms): a staleness of ~100 events at worst before the swap,
 * 0 to 100 after it.
 */
package dev.tributary.evaluation.deployment;
