package org.convoy.support.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes iCalendar (RFC 5545) text: a feed to subscribe to ({@code METHOD:PUBLISH}), an invitation
 * ({@code REQUEST}) or a cancellation ({@code CANCEL}, RFC 5546). Times are written in the event's zone with a
 * VTIMEZONE built from the JDK's zone rules, so calendar apps show "10:00 Pacific" as organizers planned it.
 */
public final class ICalendar {

    public enum Method { PUBLISH, REQUEST, CANCEL }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Method method;
    private final String name;
    private final List<CalendarEvent> events = new ArrayList<>();

    private ICalendar(Method method, String name) {
        this.method = method;
        this.name = name;
    }

    /** @param name shown by calendar apps as the calendar's name, or {@code null} */
    public static ICalendar of(Method method, String name) {
        return new ICalendar(method, name);
    }

    public ICalendar add(CalendarEvent event) {
        events.add(event);
        return this;
    }

    public ICalendar addAll(List<CalendarEvent> more) {
        events.addAll(more);
        return this;
    }

    public String write() {
        Lines out = new Lines();
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:-//Convoy//Convoy agenda//EN");
        out.add("CALSCALE:GREGORIAN");
        out.add("METHOD:" + method);
        if (name != null) {
            out.add("X-WR-CALNAME:" + text(name));
        }
        Set<ZoneId> zones = new LinkedHashSet<>();
        events.forEach(event -> zones.add(event.zone()));
        for (ZoneId zone : zones) {
            timezone(out, zone, events.stream().filter(event -> event.zone().equals(zone)).toList());
        }
        for (CalendarEvent event : events) {
            event(out, event);
        }
        out.add("END:VCALENDAR");
        return out.toString();
    }

    private void event(Lines out, CalendarEvent event) {
        String tzid = event.zone().getId();
        out.add("BEGIN:VEVENT");
        out.add("UID:" + text(event.uid()));
        out.add("SEQUENCE:" + event.sequence());
        out.add("DTSTAMP:" + UTC.format(event.stamp()));
        out.add("DTSTART;TZID=" + tzid + ":" + LOCAL.format(event.startsAt().atZone(event.zone())));
        out.add("DTEND;TZID=" + tzid + ":" + LOCAL.format(event.endsAt().atZone(event.zone())));
        out.add("SUMMARY:" + text(event.summary()));
        if (event.location() != null) {
            out.add("LOCATION:" + text(event.location()));
        }
        if (event.description() != null) {
            out.add("DESCRIPTION:" + text(event.description()));
        }
        out.add("STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
        out.add("TRANSP:OPAQUE");
        if (event.organizer() != null) {
            out.add("ORGANIZER;CN=" + param(event.organizer().name()) + ":mailto:" + event.organizer().email());
        }
        for (CalendarEvent.Person attendee : event.attendees()) {
            out.add("ATTENDEE;CN=" + param(attendee.name()) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE"
                    + ":mailto:" + attendee.email());
        }
        out.add("END:VEVENT");
    }

    /**
     * The zone as calendar apps expect it: one observance per yearly rule (daylight and standard time) with an
     * RRULE, as the JDK's rules for the zone describe them; a zone without daylight saving gets one observance.
     */
    private static void timezone(Lines out, ZoneId zone, List<CalendarEvent> inZone) {
        ZoneRules rules = zone.getRules();
        Instant first = inZone.stream().map(CalendarEvent::startsAt).min(Comparator.naturalOrder()).orElseThrow();
        out.add("BEGIN:VTIMEZONE");
        out.add("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        int year = first.atZone(zone).getYear() - 1;
        boolean seasonal = !yearly.isEmpty() && rules.nextTransition(first) != null;
        if (!seasonal) {
            ZoneOffset offset = rules.getOffset(first);
            out.add("BEGIN:STANDARD");
            out.add("DTSTART:19700101T000000");
            out.add("TZOFFSETFROM:" + offset(offset));
            out.add("TZOFFSETTO:" + offset(offset));
            out.add("END:STANDARD");
        }
        for (ZoneOffsetTransitionRule rule : seasonal ? yearly : List.<ZoneOffsetTransitionRule>of()) {
            ZoneOffsetTransition transition = rule.createTransition(year);
            String kind = transition.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds()
                    ? "DAYLIGHT" : "STANDARD";
            out.add("BEGIN:" + kind);
            out.add("DTSTART:" + LOCAL.format(transition.getDateTimeBefore()));
            out.add("TZOFFSETFROM:" + offset(transition.getOffsetBefore()));
            out.add("TZOFFSETTO:" + offset(transition.getOffsetAfter()));
            out.add("RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + byDay(rule));
            out.add("END:" + kind);
        }
        out.add("END:VTIMEZONE");
    }

    /**
     * "The first Sunday on or after the 8th" is exactly BYDAY=SU with BYMONTHDAY 8 to 14; "the last Sunday" counts
     * back from the month's end; a rule on a fixed date has no weekday.
     */
    private static String byDay(ZoneOffsetTransitionRule rule) {
        int indicator = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return ";BYMONTHDAY=" + indicator;
        }
        String day = rule.getDayOfWeek().name().substring(0, 2);
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(String.valueOf(indicator > 0 ? indicator + i : indicator - i));
        }
        return ";BYDAY=" + day + ";BYMONTHDAY=" + String.join(",", days);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        String sign = seconds < 0 ? "-" : "+";
        int abs = Math.abs(seconds);
        return "%s%02d%02d".formatted(sign, abs / 3600, abs / 60 % 60);
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "");
    }

    /** Parameter values are quoted; a double quote cannot appear in them at all. */
    private static String param(String value) {
        return "\"" + value.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    /** Content lines end in CRLF and fold at 75 octets without splitting a UTF-8 character. */
    private static final class Lines {

        private final StringBuilder text = new StringBuilder();

        void add(String line) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    text.append("\r\n ");
                    octets = 1;
                }
                text.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            text.append("\r\n");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
