package org.convoy.scheduling.delegate.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Scheduling's own, reduced copy of a delegate, built only from delegate events: what planning meetings needs
 * (who, from where, interested in what, and whether they may be scheduled), nothing more.
 */
@Document(ScheduledDelegate.COLLECTION)
public record ScheduledDelegate(
        @Id UUID id,
        String convoyId,
        String givenName,
        String familyName,
        String role,
        String state,
        String municipality,
        String organization,
        String position,
        List<String> sectors,
        List<String> axes,
        Boolean shareWithHosts,
        String preferredLanguage,
        Status status,
        Instant updatedAt) {

    public static final String COLLECTION = "delegates";

    public enum Status { SUBMITTED, WAITLISTED, APPROVED, REJECTED, WITHDRAWN }

    /** Whether hosts' visitor lists may show the delegate's organization and position (the name is always shown). */
    public boolean sharesWithHosts() {
        return Boolean.TRUE.equals(shareWithHosts);
    }

    /** The language the delegate reads, Spanish unless she chose another. */
    public String language() {
        return preferredLanguage == null ? "es" : preferredLanguage;
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** Only approved delegates can be put into meetings. */
    public boolean schedulable() {
        return status == Status.APPROVED;
    }
}
