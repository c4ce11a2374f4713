package dev.tributary.results;

/**
 * One point of the holdout learning curve: a model scored on the whole test topic.
 *
 * @param examplesSeen training events the model had learned from
 * @param accuracy     its accuracy on the test topic
 * @param logLoss      its log loss on the test topic
 */
public record LearningCurvePoint(long examplesSeen, double accuracy, double logLoss) {
}
