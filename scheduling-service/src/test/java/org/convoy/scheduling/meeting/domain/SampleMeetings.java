package org.convoy.scheduling.meeting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.host.domain.Host;

/** Meetings of the sample convoy, planned at a host's venue. */
public final class SampleMeetings {

    private SampleMeetings() {
    }

    /** A plan at the host's venue, on the host's first axis and sector. */
    public static MeetingPlan plan(Host host, Instant startsAt, int minutes, List<UUID> attendees) {
        return MeetingPlan.at(host, SampleConvoy.california(), startsAt, startsAt.plus(Duration.ofMinutes(minutes)),
                host.axes().isEmpty() ? null : host.axes().get(0),
                host.sectors().isEmpty() ? null : host.sectors().get(0), "Visit to " + host.name(), attendees);
    }

    /** A meeting as planned, not saved anywhere, with an id of its own. */
    public static Meeting meeting(Host host, Instant startsAt, int minutes, List<UUID> attendees) {
        return Meeting.planned(UUID.randomUUID(), plan(host, startsAt, minutes, attendees));
    }

    /** The same plan elsewhere in time. */
    public static MeetingPlan movedTo(MeetingPlan plan, Instant startsAt) {
        Duration length = Duration.between(plan.startsAt(), plan.endsAt());
        return new MeetingPlan(plan.hostId(), plan.hostName(), plan.venue(), plan.address(), plan.city(),
                plan.cityName(), startsAt, startsAt.plus(length), plan.zone(), plan.axis(), plan.sector(), plan.title(),
                plan.attendeeIds());
    }
}
