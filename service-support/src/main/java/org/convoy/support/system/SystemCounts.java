package org.convoy.support.system;

import java.util.Map;

/**
 * More counts a service adds to its status under a name of its own (notification: its notices that failed for good,
 * by status). Read from the store, so that every instance gives the same answer.
 */
public interface SystemCounts {

    /** The name the counts go under in the status, e.g. {@code notices}. */
    String name();

    Map<String, Long> counts();
}
