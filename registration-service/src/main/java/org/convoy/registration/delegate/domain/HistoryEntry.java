package org.convoy.registration.delegate.domain;

import java.time.Instant;
import java.util.UUID;

/** One change to one delegate's registration: what happened, who did it, when. */
public record HistoryEntry(Instant at, UUID delegateId, String change, String by, String detail) {
}
