package org.convoy.scheduling.convoy.domain;

import java.util.List;

import org.convoy.events.ConvoyDetails;

/**
 * One reminder every attendee of a convoy's meetings gets before each meeting: so many hours ahead, by email or by
 * text (to those who chose texts). A convoy has {@link #DEFAULTS} until organizers set its own.
 */
public record Reminder(int hours, Channel channel) {

    /** The furthest ahead a reminder may go: two weeks. */
    public static final int MAX_HOURS = 336;

    /** At most this many reminders before each meeting. */
    public static final int MAX_PER_MEETING = 6;

    public static final List<Reminder> DEFAULTS = ConvoyDetails.DEFAULT_REMINDERS.stream()
            .map(Reminder::of).toList();

    public enum Channel { EMAIL, SMS }

    static Reminder of(ConvoyDetails.Reminder published) {
        return new Reminder(published.hours(), Channel.valueOf(published.channel()));
    }

    ConvoyDetails.Reminder published() {
        return new ConvoyDetails.Reminder(hours, channel.name());
    }
}
