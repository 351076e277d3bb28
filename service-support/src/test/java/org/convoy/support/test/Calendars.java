package org.convoy.support.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * Reads the calendars the platform writes (feeds, emailed invitations) with ical4j, the reference iCalendar library,
 * the way a calendar app would, so tests assert on what people's calendars will show.
 */
public final class Calendars {

    private Calendars() {
    }

    public static Calendar read(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("Not a calendar a calendar app can read: " + e.getMessage(), e);
        }
    }

    /** The one entry of a calendar that must hold exactly one. */
    public static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> entries = calendar.getComponents("VEVENT");
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    /** The one entry of an invitation sent with the given method (REQUEST, CANCEL, PUBLISH). */
    public static VEvent onlyEvent(Calendar calendar, String method) {
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        return onlyEvent(calendar);
    }

    /** When the entry starts, in the zone it names. */
    public static ZonedDateTime start(VEvent event) {
        return ZonedDateTime.from(event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow().getDate());
    }

    public static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
