package org.convoy.scheduling.convoy.domain;

import java.time.Instant;

/** Registration takes delegates from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
public record RegistrationWindow(Instant opensAt, Instant closesAt) {

    public boolean covers(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
