package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.convoy.events.ConvoyDetails;
import org.convoy.events.HostContactsChanged;
import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingDetails;
import org.convoy.events.MeetingRescheduled;
import org.convoy.notification.MeetingAttendees.Attendee;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Reminders before each meeting, on a real broker with a clock the tests move: a day ahead by email, two hours ahead
 * by text, each once however often the job runs or the meeting's events arrive; afresh for a meeting moved after its
 * reminder, never for a cancelled one; urgent in the quiet hours of the meeting's own day; with the journey from the
 * attendee's previous meeting when it was in another city.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "convoy.notification.reminders.poll=200ms",
        "convoy.notification.digest.enabled=false" })
class MeetingRemindersIT {

    static final Mailbox SMTP = new Mailbox().start();
    static final String TOUR = "california-tour";
    static final Instant NETFLIX = Instant.parse("2023-03-01T23:00:00Z");
    static final Duration QUIET_PASSES = Duration.ofSeconds(1);
    static final Instant NOON_IN_LOS_ANGELES = Instant.parse("2023-02-20T20:00:00Z");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.serve(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    TestEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    ContactRepository contacts;

    @Autowired
    MongoOperations mongo;

    @LocalServerPort
    int port;

    @BeforeEach
    void aWeekBeforeTheConvoyAtNoon() {
        clock.set(NOON_IN_LOS_ANGELES);
        SampleConvoy.publish(events, mongo, TOUR, List.of(
                        new ConvoyDetails.City("LOS_ANGELES", "Los Angeles", "America/Los_Angeles"),
                        new ConvoyDetails.City("SAN_JOSE", "San José", "America/Los_Angeles")),
                new ConvoyDetails.Travel(360, List.of(new ConvoyDetails.Leg("LOS_ANGELES", "SAN_JOSE", 330))));
    }

    @Test
    void aConfirmedMeetingIsRemindedOnceADayAheadByEmailAndOnceTwoHoursAheadByText() throws Exception {
        Attendee marta = attendee("Marta", "es", true);
        UUID meetingId = confirm(MeetingAttendees.netflix(List.of(marta.id()), NETFLIX.toString()));
        SMTP.await(marta.email(), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> texts(marta).size() == 1);

        clock.set(NETFLIX.minus(Duration.ofHours(24)).minus(Duration.ofMinutes(5)));
        stays(() -> SMTP.to(marta.email()).size(), 1);

        clock.set(NETFLIX.minus(Duration.ofHours(24)));
        MimeMessage reminder = SMTP.await(marta.email(), 2).get(1);
        assertThat(reminder.getSubject())
                .isEqualTo("Recordatorio de Convoy: Netflix, miércoles, 1 de marzo de 2023 a las 15:00");
        assertThat(MailParts.text(reminder)).contains("de 15:00 a 16:00, hora del Pacífico (America/Los_Angeles)",
                "Dónde: Netflix headquarters, 121 Albright Way, Los Gatos, CA 95032",
                "Mapa: https://www.google.com/maps/search/?api=1&query=121+Albright+Way%2C+Los+Gatos%2C+CA+95032",
                SampleConvoy.SPANISH).doesNotContain("Cómo llegar");
        assertThat(MailParts.calendar(reminder)).isEmpty();
        stays(() -> SMTP.to(marta.email()).size() + texts(marta).size(), 3);

        clock.set(NETFLIX.minus(Duration.ofHours(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> texts(marta).size() == 2);
        assertThat(texts(marta)).contains("Convoy: Marta, recordatorio: Netflix el miércoles, 1 de marzo de "
                + "2023, 15:00 (hora del Pacífico), en 121 Albright Way, Los Gatos, CA 95032.");
        stays(() -> SMTP.to(marta.email()).size() + texts(marta).size(), 4);
        assertThat(MeetingAttendees.log(port, "meetingId=" + meetingId))
                .contains("\"kind\":\"MEETING_REMINDER\"", "\"channel\":\"SMS\"");
    }

    @Test
    void aMeetingMovedAfterItsReminderIsRemindedAfreshForItsNewTime() throws Exception {
        Attendee moved = attendee("Mauro", "es", false);
        MeetingDetails first = MeetingAttendees.netflix(List.of(moved.id()), NETFLIX.toString());
        UUID meetingId = confirm(first);
        clock.set(NETFLIX.minus(Duration.ofHours(23)));
        assertThat(SMTP.await(moved.email(), 2).get(1).getSubject()).startsWith("Recordatorio de Convoy");

        Instant nextDay = NETFLIX.plus(Duration.ofDays(1));
        events.publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), 1, meetingId, TOUR, 1,
                MeetingAttendees.netflix(List.of(moved.id()), nextDay.toString())));
        SMTP.await(moved.email(), 3);
        stays(() -> SMTP.to(moved.email()).size(), 3);

        clock.set(nextDay.minus(Duration.ofHours(24)));

        assertThat(SMTP.await(moved.email(), 4).get(3).getSubject())
                .isEqualTo("Recordatorio de Convoy: Netflix, jueves, 2 de marzo de 2023 a las 15:00");
        stays(() -> SMTP.to(moved.email()).size(), 4);
    }

    @Test
    void theHostsContactsAreRemindedByEmailInTheirLanguage() throws Exception {
        Attendee ines = attendee("Inés", "es", false);
        String hostId = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        HostContactsChanged.HostContact dana = new HostContactsChanged.HostContact(UUID.randomUUID(), "Dana Whitfield",
                "dana." + hostId + "@example.com", "+14155550100", "en");
        events.publish(new HostContactsChanged(UUID.randomUUID(), Instant.now(), 1, hostId, "Studio", List.of(dana)));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(dana.contactId()).isPresent());
        MeetingDetails netflix = MeetingAttendees.netflix(List.of(ines.id()), NETFLIX.toString());
        confirm(new MeetingDetails(hostId, "Studio", netflix.venue(), netflix.address(), netflix.city(),
                netflix.startsAt(), netflix.endsAt(), netflix.zone(), netflix.axis(), netflix.sector(),
                netflix.attendeeIds()));
        SMTP.await(dana.email(), 1);

        clock.set(NETFLIX.minus(Duration.ofHours(24)));

        assertThat(SMTP.await(dana.email(), 2).get(1).getSubject())
                .isEqualTo("Convoy reminder: Studio, Wednesday, March 1, 2023 at 15:00");
        assertThat(SMTP.await(ines.email(), 2).get(1).getSubject()).startsWith("Recordatorio de Convoy: Studio");
        clock.set(NETFLIX.minus(Duration.ofHours(2)));
        stays(() -> SMTP.to(dana.email()).size(), 2);
    }

    @Test
    void aCancelledMeetingIsNotReminded() {
        Attendee cancelled = attendee("Celia", "es", true);
        UUID meetingId = confirm(MeetingAttendees.netflix(List.of(cancelled.id()), NETFLIX.toString()));
        events.publish(new MeetingCancelled(UUID.randomUUID(), Instant.now(), 1, meetingId, TOUR, 1, "Netflix cerró",
                List.of(cancelled.id())));
        SMTP.await(cancelled.email(), 2);

        clock.set(NETFLIX.minus(Duration.ofHours(1)));

        stays(() -> SMTP.to(cancelled.email()).size() + texts(cancelled).size(), 4);
        assertThat(MeetingAttendees.log(port, "meetingId=" + meetingId)).doesNotContain("MEETING_REMINDER");
    }

    @Test
    void aRedeliveredConfirmationAndRepeatedPassesRemindOnce() throws Exception {
        Attendee rosa = attendee("Rosa", "en", false);
        MeetingConfirmed confirmed = new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), TOUR,
                0, MeetingAttendees.netflix(List.of(rosa.id()), NETFLIX.toString()));
        for (int i = 0; i < 3; i++) {
            events.publish(confirmed);
        }
        SMTP.await(rosa.email(), 1);

        clock.set(NETFLIX.minus(Duration.ofHours(20)));

        assertThat(SMTP.await(rosa.email(), 2).get(1).getSubject())
                .isEqualTo("Convoy reminder: Netflix, Wednesday, March 1, 2023 at 15:00");
        stays(() -> SMTP.to(rosa.email()).size(), 2);
    }

    @Test
    void aTextReminderInTheQuietHoursOfTheMeetingsDayGoesOutAtOnce() {
        Attendee early = attendee("Temprano", "es", true);
        Instant eightInTheMorning = Instant.parse("2023-03-02T16:00:00Z");
        UUID meetingId = confirm(MeetingAttendees.netflix(List.of(early.id()), eightInTheMorning.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> texts(early).size() == 1);

        clock.set(eightInTheMorning.minus(Duration.ofHours(2)));

        await().atMost(Duration.ofSeconds(20)).until(() -> texts(early).size() == 2);
        assertThat(texts(early)).anySatisfy(text -> assertThat(text).contains("recordatorio: Netflix",
                "08:00 (hora del Pacífico)"));
        assertThat(MeetingAttendees.log(port, "meetingId=" + meetingId + "&status=DEFERRED"))
                .doesNotContain("MEETING_REMINDER");
    }

    @Test
    void aReminderSaysHowLongTheJourneyTakesFromTheAttendeesPreviousMeetingInAnotherCity() throws Exception {
        Attendee traveller = attendee("Tomas", "en", false);
        Instant disney = Instant.parse("2023-03-01T17:00:00Z");
        confirm(new MeetingDetails("disney", "Disney", "The Walt Disney Studios", "500 S Buena Vista St, Burbank, CA",
                "Los Angeles", disney, disney.plus(Duration.ofHours(1)), "America/Los_Angeles", "CREATIVE_INDUSTRIES",
                "CINEMATOGRAPHY", List.of(traveller.id())));
        confirm(MeetingAttendees.netflix(List.of(traveller.id()), NETFLIX.toString()));
        SMTP.await(traveller.email(), 2);

        clock.set(NETFLIX.minus(Duration.ofHours(24)));

        List<MimeMessage> reminders = SMTP.await(traveller.email(), 4).subList(2, 4);
        MimeMessage toNetflix = reminders.stream().filter(mail -> subject(mail).contains("Netflix")).findFirst()
                .orElseThrow();
        MimeMessage toDisney = reminders.stream().filter(mail -> subject(mail).contains("Disney")).findFirst()
                .orElseThrow();
        assertThat(MailParts.text(toNetflix)).contains("Getting there: you come from your meeting in Los Angeles; "
                + "the journey takes about 5 h 30 min.");
        assertThat(MailParts.text(toDisney)).doesNotContain("Getting there");
    }

    private UUID confirm(MeetingDetails details) {
        UUID meetingId = UUID.randomUUID();
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId, TOUR, 0, details));
        return meetingId;
    }

    private Attendee attendee(String name, String language, boolean sms) {
        return MeetingAttendees.register(events, contacts, name, language, sms);
    }

    private List<String> texts(Attendee attendee) {
        return MeetingAttendees.textsTo(port, attendee.phone()).stream().map(text -> text.path("text").asString())
                .toList();
    }

    /** The count stays as it is while the reminders' job passes several times. */
    private static void stays(java.util.concurrent.Callable<Integer> count, int expected) {
        await().during(QUIET_PASSES).atMost(QUIET_PASSES.multipliedBy(3)).until(() -> count.call() == expected);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
