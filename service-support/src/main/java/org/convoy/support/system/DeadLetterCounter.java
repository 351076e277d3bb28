package org.convoy.support.system;

/**
 * Counts a service's dead letters for its status ({@link SystemStatusController}). Every service counts the records
 * on its dead-letter topics ({@link KafkaDeadLetterCounter}) unless it declares a counter of its own, as notification
 * does for the dead letters it keeps.
 */
@FunctionalInterface
public interface DeadLetterCounter {

    DeadLetterCount count();
}
