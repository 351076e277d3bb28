package org.convoy.scheduling.delegate;

import java.util.UUID;

/**
 * A delegate no longer takes part in the convoy: withdrawn, or erased (then every trace of them goes). Published
 * inside the service while the delegate stream is being read, so features that hold delegates (meetings) let them go
 * in the same step; an error there makes the event be read again.
 */
public record DelegateDeparted(String convoyId, UUID delegateId, boolean erased) {
}
