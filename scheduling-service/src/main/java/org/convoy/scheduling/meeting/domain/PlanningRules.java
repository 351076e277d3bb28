package org.convoy.scheduling.meeting.domain;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.host.domain.Host;

/**
 * The rules a meeting must satisfy to be confirmed, checked against the meetings already confirmed. Every broken
 * rule is reported, not only the first, so an organizer can fix a plan in one go.
 */
public final class PlanningRules {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final Convoy convoy;
    private final Host host;
    private final Map<UUID, ScheduledDelegate> delegates;

    /**
     * @param host      the meeting's host as it is now
     * @param delegates what scheduling knows of the attendees; one missing is treated as not approved
     */
    public PlanningRules(Convoy convoy, Host host, Map<UUID, ScheduledDelegate> delegates) {
        this.convoy = convoy;
        this.host = host;
        this.delegates = delegates;
    }

    /**
     * @param candidate the meeting as it would be confirmed
     * @param planned   the meetings it must fit around: the convoy's confirmed ones (and, when drafting an agenda,
     *                  the drafts made before it); the candidate itself among them is ignored
     */
    public List<Conflict> check(Meeting candidate, Collection<Meeting> planned) {
        List<Meeting> others = planned.stream()
                .filter(meeting -> !meeting.id().equals(candidate.id()))
                .sorted(Comparator.comparing(Meeting::startsAt))
                .toList();
        List<Conflict> conflicts = new ArrayList<>();
        checkCity(candidate, conflicts);
        checkHost(candidate, others, conflicts);
        if (candidate.attendeeIds().size() > host.venue().roomCapacity()) {
            conflicts.add(new Conflict(ConflictCode.ROOM_OVER_CAPACITY, "The room at " + candidate.plan().venue() + " takes "
                    + host.venue().roomCapacity() + " people; the cohort has " + candidate.attendeeIds().size() + ".",
                    null, null));
        }
        for (UUID attendee : candidate.attendeeIds()) {
            checkAttendee(candidate, attendee, others, conflicts);
        }
        return conflicts;
    }

    private void checkCity(Meeting candidate, List<Conflict> conflicts) {
        Optional<Convoy.Day> day = convoy.dayOf(candidate.startsAt(), candidate.plan().city());
        if (day.isEmpty() || !day.get().in(candidate.plan().city())) {
            String cities = day.map(d -> String.join(" and ", d.cities().stream().map(convoy::cityName).toList()))
                    .orElse("no city");
            conflicts.add(new Conflict(ConflictCode.VENUE_NOT_IN_DAYS_CITY, candidate.plan().venue() + " is in "
                    + convoy.cityName(candidate.plan().city()) + ", but that day the convoy is in " + cities + ".", null, null));
        }
    }

    private void checkHost(Meeting candidate, List<Meeting> others, List<Conflict> conflicts) {
        if (!host.receives(candidate.startsAt(), candidate.endsAt())) {
            conflicts.add(new Conflict(ConflictCode.HOST_UNAVAILABLE, host.name() + " does not receive delegations "
                    + span(candidate) + ".", null, null));
        }
        others.stream()
                .filter(other -> other.hostId().equals(candidate.hostId()))
                .filter(other -> other.overlaps(candidate.startsAt(), candidate.endsAt()))
                .forEach(other -> conflicts.add(new Conflict(ConflictCode.HOST_BUSY, host.name()
                        + " already receives a delegation " + span(other) + ".", null, other.id())));
    }

    private void checkAttendee(Meeting candidate, UUID attendee, List<Meeting> others, List<Conflict> conflicts) {
        ScheduledDelegate delegate = delegates.get(attendee);
        if (delegate == null || !delegate.schedulable()) {
            String status = delegate == null ? "unknown or erased" : delegate.status().name().toLowerCase();
            conflicts.add(new Conflict(ConflictCode.DELEGATE_NOT_APPROVED, name(delegate, attendee)
                    + " is not an approved delegate (" + status + ").", attendee, null));
            if (delegate == null) {
                return;
            }
        }
        List<Meeting> theirs = others.stream().filter(other -> other.attends(attendee)).toList();
        for (Meeting other : theirs) {
            if (other.overlaps(candidate.startsAt(), candidate.endsAt())) {
                conflicts.add(new Conflict(ConflictCode.DELEGATE_DOUBLE_BOOKED, name(delegate, attendee)
                        + " is already meeting " + other.plan().hostName() + " " + span(other) + ".", attendee, other.id()));
            }
        }
        theirs.stream()
                .filter(other -> !other.endsAt().isAfter(candidate.startsAt()))
                .max(Comparator.comparing(Meeting::endsAt))
                .ifPresent(previous -> checkTravel(delegate, attendee, previous, candidate, previous, conflicts));
        theirs.stream()
                .filter(other -> !other.startsAt().isBefore(candidate.endsAt()))
                .min(Comparator.comparing(Meeting::startsAt))
                .ifPresent(next -> checkTravel(delegate, attendee, candidate, next, next, conflicts));
    }

    private void checkTravel(ScheduledDelegate delegate, UUID attendee, Meeting from, Meeting to, Meeting other,
            List<Conflict> conflicts) {
        Duration needed = convoy.travel().between(from.place(), to.place());
        Duration available = Duration.between(from.endsAt(), to.startsAt());
        if (available.compareTo(needed) < 0) {
            conflicts.add(new Conflict(ConflictCode.TRAVEL_TIME_TOO_SHORT, name(delegate, attendee) + " needs "
                    + minutes(needed) + " to get from " + from.plan().venue() + " (" + convoy.cityName(from.plan().city()) + ") to "
                    + to.plan().venue() + " (" + convoy.cityName(to.plan().city()) + "), but has " + minutes(available) + ".",
                    attendee, other.id()));
        }
    }

    private String span(Meeting meeting) {
        return "on " + TIME.format(meeting.startsAt().atZone(meeting.zoneId())) + "–"
                + DateTimeFormatter.ofPattern("HH:mm").format(meeting.endsAt().atZone(meeting.zoneId())) + " ("
                + meeting.zoneId() + ")";
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }

    private static String name(ScheduledDelegate delegate, UUID id) {
        return delegate == null || delegate.givenName() == null ? "Delegate " + id
                : delegate.givenName() + " " + delegate.familyName();
    }
}
