package org.convoy.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/** What we write is read back by the reference iCalendar library as calendar apps would read it. */
class ICalendarTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Test
    void aMeetingIsReadBackWithItsUidSequenceAndPacificTimes() throws Exception {
        String text = ICalendar.of(ICalendar.Method.PUBLISH, "Agenda de María").add(netflix(3, false)).write();

        Calendar calendar = parse(text);

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(event, Property.UID)).isEqualTo("7d1c@convoy");
        assertThat(Integer.parseInt(value(event, Property.SEQUENCE))).isEqualTo(3);
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        ZonedDateTime start = ZonedDateTime.from(event.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow().getDate());
        assertThat(start.toInstant()).isEqualTo(Instant.parse("2023-03-01T23:00:00Z"));
        assertThat(start.toLocalTime()).hasToString("15:00");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Los_Angeles");
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).hasSize(1);
    }

    @Test
    void textWithCommasSemicolonsLineBreaksAndAccentsSurvivesEscapingAndFolding() throws Exception {
        String location = "Netflix headquarters, 121 Albright Way; Los Gatos — San José, CA 95032";
        String description = "Reunión con Netflix: cinematografía.\nTraiga su identificación, por favor. "
                + "Líneas largas que superan setenta y cinco octetos deben plegarse sin partir un carácter acentuado.";

        String text = ICalendar.of(ICalendar.Method.PUBLISH, null).add(new CalendarEvent("7d1c@convoy", 0,
                Instant.parse("2023-03-01T23:00:00Z"), Instant.parse("2023-03-02T00:00:00Z"), PACIFIC, "Netflix",
                location, description, false, Instant.parse("2023-02-20T00:00:00Z"), null, List.of())).write();

        assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes("UTF-8").length)
                .isLessThanOrEqualTo(75));
        VEvent event = parse(text).<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(event, Property.LOCATION)).isEqualTo(location);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo(description);
    }

    @Test
    void aCancellationNamesTheSameUidWithAHigherSequence() throws Exception {
        String text = ICalendar.of(ICalendar.Method.CANCEL, null).add(netflix(4, true)).write();

        Calendar calendar = parse(text);

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(event, Property.UID)).isEqualTo("7d1c@convoy");
        assertThat(Integer.parseInt(value(event, Property.SEQUENCE))).isEqualTo(4);
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:agenda@convoy.example");
        assertThat(event.getProperties(Property.ATTENDEE)).hasSize(1);
    }

    private static CalendarEvent netflix(int sequence, boolean cancelled) {
        return new CalendarEvent("7d1c@convoy", sequence, Instant.parse("2023-03-01T23:00:00Z"),
                Instant.parse("2023-03-02T00:00:00Z"), PACIFIC, "Netflix — Cinematography",
                "Netflix headquarters, 121 Albright Way, Los Gatos, CA 95032", null, cancelled,
                Instant.parse("2023-02-20T00:00:00Z"), new CalendarEvent.Person("Convoy", "agenda@convoy.example"),
                List.of(new CalendarEvent.Person("María Hernández", "maria@zapopan.gob.mx")));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }
}
