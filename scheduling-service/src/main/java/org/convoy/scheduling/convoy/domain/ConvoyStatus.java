package org.convoy.scheduling.convoy.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a convoy stands. A draft is being prepared; an open convoy takes registrations within its window; a closed
 * one takes none (and may open again); a held convoy has taken place; an archived one is kept for the record.
 * Organizers edit a convoy while it is a draft or open.
 */
public enum ConvoyStatus {
    DRAFT, OPEN, CLOSED, HELD, ARCHIVED;

    /** The statuses a convoy may move to from this one. */
    public Set<ConvoyStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(OPEN, HELD);
            case HELD -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(ConvoyStatus.class);
        };
    }

    public boolean editable() {
        return this == DRAFT || this == OPEN;
    }
}
