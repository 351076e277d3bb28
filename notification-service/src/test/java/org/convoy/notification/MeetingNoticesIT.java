package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convoy.support.test.Calendars.onlyEvent;
import static org.convoy.support.test.Calendars.start;
import static org.convoy.support.test.Calendars.value;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.convoy.events.AttendeeCheckedIn;
import org.convoy.events.DelegateApproved;
import org.convoy.events.HostContactsChanged;
import org.convoy.events.HostLinkIssued;
import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingDetails;
import org.convoy.events.MeetingRescheduled;
import org.convoy.notification.MeetingAttendees.Attendee;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.contact.PreferenceLinks;
import org.convoy.notification.meeting.domain.CheckedInAttendee;
import org.convoy.support.links.AttendeePasses;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.test.Calendars;
import org.convoy.support.test.Http;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Meeting events on a real broker reach every attendee by email (GreenMail) with a calendar invitation that
 * ical4j reads, and by text (local SMS adapter), in their language, with the time in the meeting's zone, once
 * each; texts wait out quiet hours unless the change is for today; routine notices respect opt-outs.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "convoy.notification.retry.poll=200ms", "convoy.notification.digest.poll=200ms",
        "convoy.notification.reminders.enabled=false", "convoy.notification.survey.poll=200ms" })
class MeetingNoticesIT {

    static final Mailbox SMTP = new Mailbox().start();
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
    PreferenceLinks preferenceLinks;

    @Autowired
    ContactRepository contacts;

    @Autowired
    AttendeePasses passes;

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    @BeforeEach
    void daytime() {
        clock.set(NOON_IN_LOS_ANGELES);
        SampleConvoy.publish(events, mongo);
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            es | Convoy: reunión con Netflix el miércoles, 1 de marzo de 2023 | de 15:00 a 16:00, hora del Pacífico (America/Los_Angeles) | Convoy: Marta, reunión con Netflix el miércoles, 1 de marzo de 2023, 15:00-16:00 (hora del Pacífico), en 121 Albright Way, Los Gatos, CA 95032. | Netflix — Cinematografía | Convoy California 2023
            en | Convoy: meeting with Netflix on Wednesday, March 1, 2023         | 15:00 to 16:00, Pacific Time (America/Los_Angeles)         | Convoy: Marta, meeting with Netflix on Wednesday, March 1, 2023, 15:00-16:00 (Pacific Time), at 121 Albright Way, Los Gatos, CA 95032. | Netflix — Cinematography | California 2023 Convoy
            """)
    void aConfirmedMeetingReachesTheAttendeeWithAnInvitationInTheirLanguageAndPacificTime(String language,
            String subject, String when, String sms, String title, String convoy) throws Exception {
        Attendee marta = attendee("Marta", language, true);
        UUID meetingId = UUID.randomUUID();

        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 0,
                netflix(List.of(marta.id()), "2023-03-01T23:00:00Z")));

        MimeMessage mail = awaitMailTo(marta.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(MailParts.text(mail)).contains(when, "Netflix headquarters, 121 Albright Way, Los Gatos", convoy);
        assertThat(MailParts.html(mail)).contains("<html lang=\"" + language + "\"", "Netflix", "15:00–16:00",
                "/preferences#token=p1." + marta.id());
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/api/notifications/preferences/p1." + marta.id())
                .endsWith("/unsubscribe>");
        VEvent invite = onlyEvent(calendarOf(mail), "REQUEST");
        assertThat(value(invite, Property.UID)).isEqualTo(meetingId + "@convoy");
        assertThat(value(invite, Property.SEQUENCE)).isEqualTo("0");
        assertThat(start(invite).toInstant()).isEqualTo(Instant.parse("2023-03-01T23:00:00Z"));
        assertThat(invite.getProperties(Property.ATTENDEE).get(0).getValue()).isEqualTo("mailto:" + marta.email());
        assertThat(value(invite, Property.SUMMARY)).isEqualTo(title);
        assertThat(value(invite, Property.DESCRIPTION)).contains(convoy).doesNotContain("CINEMATOGRAPHY", "california-2023");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(textsTo(marta.phone()))
                .extracting(text -> text.path("text").asString()).containsExactly(sms));
        assertThat(log("meetingId=" + meetingId)).contains("\"kind\":\"MEETING_CONFIRMED\"", "\"status\":\"SENT\"");
        String code = passes.shortCode(meetingId, marta.id());
        assertThat(MailParts.text(mail)).contains(code);
        assertThat(MailParts.html(mail)).contains("src=\"cid:checkin-qr\"", code);
        byte[] qr = MailParts.inline(mail, "checkin-qr").orElseThrow(() -> new AssertionError("no QR code inline"));
        assertThat(read(qr)).isEqualTo(passes.checkIn(meetingId, marta.id()));
    }

    /** The text of the QR code in a PNG, as a phone's camera would read it. */
    private static String read(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    /** Every way notification reads its collections has its index, created when the service starts. */
    @Test
    void everyQueryPathHasItsIndex() {
        assertThat(indexes("notices")).contains("by_status", "by_delegate");
        assertThat(indexes("contacts")).contains("by_convoy");
        assertThat(indexes("meetings")).contains("by_cancelled");
        assertThat(indexes("check_ins")).contains("by_survey_due");
        assertThat(indexes("dead_letters")).contains("by_status", "by_key", "by_delegate");
        assertThat(indexes("phone_budget")).contains("by_number");
        assertThat(indexes("processed_events")).contains("forgotten_after");
    }

    private List<String> indexes(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }

    @Test
    void aMoveUpdatesStayingAttendeesInvitesNewcomersAndCancelsForThoseWhoLeftAndACancellationRemovesIt()
            throws Exception {
        Attendee staying = attendee("Sara", "es", false);
        Attendee leaving = attendee("Leo", "en", false);
        Attendee joining = attendee("Juan", "es", false);
        UUID meetingId = UUID.randomUUID();
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 0,
                netflix(List.of(staying.id(), leaving.id()), "2023-03-01T23:00:00Z")));
        awaitMailTo(leaving.email());

        events.publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 1,
                netflix(List.of(staying.id(), joining.id()), "2023-03-02T00:00:00Z")));

        MimeMessage moved = awaitMails(staying.email(), 2).get(1);
        assertThat(moved.getSubject()).isEqualTo("Convoy: cambió tu reunión con Netflix");
        assertThat(MailParts.text(moved)).contains("de 16:00 a 17:00");
        VEvent update = onlyEvent(calendarOf(moved), "REQUEST");
        assertThat(value(update, Property.UID)).isEqualTo(meetingId + "@convoy");
        assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
        MimeMessage removed = awaitMails(leaving.email(), 2).get(1);
        assertThat(removed.getSubject()).isEqualTo("Convoy: you are no longer in the meeting with Netflix");
        assertThat(value(onlyEvent(calendarOf(removed), "CANCEL"), Property.SEQUENCE)).isEqualTo("1");
        MimeMessage invited = awaitMailTo(joining.email()).get(0);
        assertThat(invited.getSubject()).startsWith("Convoy: reunión con Netflix");
        assertThat(value(onlyEvent(calendarOf(invited), "REQUEST"), Property.SEQUENCE)).isEqualTo("1");

        events.publish(new MeetingCancelled(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 2,
                "Netflix tuvo que posponer", List.of(staying.id(), joining.id())));

        MimeMessage cancelled = awaitMails(staying.email(), 3).get(2);
        assertThat(cancelled.getSubject()).isEqualTo("Convoy: se canceló tu reunión con Netflix");
        assertThat(MailParts.text(cancelled)).contains("Motivo: Netflix tuvo que posponer",
                "de 16:00 a 17:00, hora del Pacífico (America/Los_Angeles).").doesNotContain("))");
        VEvent cancellation = onlyEvent(calendarOf(cancelled), "CANCEL");
        assertThat(value(cancellation, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancellation, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(mailTo(leaving.email())).as("nothing more for who left").hasSize(2);
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            es | Convoy: cambió tu reunión con Netflix | Convoy: ya no estás en la reunión con Netflix | Convoy: se canceló tu reunión con Netflix | Motivo: Cambio de agenda
            en | Convoy: your meeting with Netflix has changed | Convoy: you are no longer in the meeting with Netflix | Convoy: your meeting with Netflix is cancelled | Reason: Cambio de agenda
            """)
    void everyChangeToAMeetingReadsInTheAttendeesLanguage(String language, String moved, String removed,
            String cancelled, String reason) throws Exception {
        Attendee staying = attendee("Sol", language, false);
        Attendee leaving = attendee("Luz", language, false);
        UUID meetingId = UUID.randomUUID();
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 0,
                netflix(List.of(staying.id(), leaving.id()), "2023-03-01T23:00:00Z")));
        events.publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 1,
                netflix(List.of(staying.id()), "2023-03-02T00:00:00Z")));
        events.publish(new MeetingCancelled(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 2,
                "Cambio de agenda", List.of(staying.id())));

        List<MimeMessage> toStaying = awaitMails(staying.email(), 3);
        List<MimeMessage> toLeaving = awaitMails(leaving.email(), 2);

        assertThat(toStaying).extracting(MimeMessage::getSubject).contains(moved, cancelled);
        assertThat(toLeaving).extracting(MimeMessage::getSubject).contains(removed);
        MimeMessage cancellation = toStaying.stream().filter(mail -> subject(mail).equals(cancelled)).findFirst()
                .orElseThrow();
        assertThat(MailParts.text(cancellation)).contains(reason);
        assertThat(MailParts.html(cancellation)).contains(reason);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameMeetingEventDeliveredFiveTimesSendsOneEmailAndOneText() {
        Attendee rosa = attendee("Rosa", "es", true);
        MeetingConfirmed confirmed = new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(),
                "california-2023", 0, netflix(List.of(rosa.id()), "2023-03-01T23:00:00Z"));
        for (int i = 0; i < 5; i++) {
            events.publish(confirmed);
        }
        Attendee marker = attendee("Marca", "es", false);
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), "california-2023",
                0, netflix(List.of(marker.id()), "2023-03-01T23:00:00Z")));

        awaitMailTo(marker.email());
        await().atMost(Duration.ofSeconds(10)).until(() -> textsTo(rosa.phone()).size() == 1);
        assertThat(mailTo(rosa.email())).hasSize(1);
        assertThat(textsTo(rosa.phone())).hasSize(1);
    }

    @Test
    void inQuietHoursTheTextWaitsForMorningWhileTheEmailGoesAtOnce() {
        Attendee night = attendee("Noche", "es", true);
        clock.set(Instant.parse("2023-02-28T07:30:00Z"));

        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), "california-2023",
                0, netflix(List.of(night.id()), "2023-03-01T23:00:00Z")));

        awaitMailTo(night.email());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log("delegateId=" + night.id()))
                .contains("\"status\":\"DEFERRED\"", "\"nextAttemptAt\":\"2023-02-28T16:00:00Z\"",
                        "Quiet hours in America/Los_Angeles"));
        assertThat(textsTo(night.phone())).isEmpty();

        clock.set(Instant.parse("2023-02-28T16:00:01Z"));

        await().atMost(Duration.ofSeconds(20)).until(() -> textsTo(night.phone()).size() == 1);
        assertThat(log("delegateId=" + night.id())).doesNotContain("DEFERRED");
    }

    @Test
    void aChangeOnTheDayOfTheMeetingIsTextedEvenInQuietHours() {
        Attendee early = attendee("Temprano", "es", true);
        UUID meetingId = UUID.randomUUID();
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 0,
                netflix(List.of(early.id()), "2023-03-01T23:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> textsTo(early.phone()).size() == 1);
        clock.set(Instant.parse("2023-03-01T14:00:00Z"));

        events.publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 1,
                netflix(List.of(early.id()), "2023-03-02T00:00:00Z")));

        await().atMost(Duration.ofSeconds(20)).until(() -> textsTo(early.phone()).size() == 2);
        assertThat(textsTo(early.phone())).extracting(text -> text.path("text").asString())
                .anySatisfy(text -> assertThat(text).contains("cambió", "16:00-17:00"));
    }

    @Test
    void aDelegateWhoOptedOutThroughTheLinkGetsNoRoutineNoticesButStillTheirMeetings() throws Exception {
        Attendee quiet = attendee("Callada", "es", true);
        String preferences = "http://localhost:" + port + "/api/notifications/preferences/"
                + preferenceLinks.token(quiet.id());
        assertThat(Http.get(preferences).body()).isEqualTo("{\"channels\":[\"EMAIL\",\"SMS\"],\"kinds\":[\"approved\","
                + "\"withdrawn\",\"agenda-digest\",\"meeting-reminder\",\"meeting-survey\"],\"optOuts\":[]}");
        var unknown = Http.send(HttpRequest.newBuilder(URI.create(preferences)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"optOuts\": [\"PIGEON\", \"SMS:meeting-confirmed\"]}")));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("optOuts");
        assertThat(Http.get(preferences).body()).contains("\"optOuts\":[]");

        var changed = Http.send(HttpRequest.newBuilder(URI.create(preferences)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"optOuts\": [\"EMAIL\", \"SMS:approved\"]}")));
        assertThat(changed.statusCode()).isEqualTo(200);
        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, quiet.id(), "california-2023"));
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), "california-2023",
                0, netflix(List.of(quiet.id()), "2023-03-01T23:00:00Z")));

        MimeMessage only = awaitMailTo(quiet.email()).get(0);
        assertThat(only.getSubject()).startsWith("Convoy: reunión con Netflix");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log("delegateId=" + quiet.id()))
                .contains("\"kind\":\"APPROVED\"", "\"status\":\"SKIPPED\""));
        assertThat(mailTo(quiet.email())).hasSize(1);
        assertThat(Http.get(preferences.replace("p1.", "p1.x")).statusCode()).isEqualTo(404);
        assertThat(Http.postJson(preferences + "/unsubscribe", "").statusCode()).isEqualTo(200);
    }

    @Test
    void onTheEveOfAConvoyDayEachAttendeeGetsTheirAgendaForTomorrowOnce() throws Exception {
        Attendee eve = attendee("Eva", "es", false);
        Instant paypalStart = Instant.parse("2023-03-02T18:00:00Z");
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), "california-2023",
                0, netflix(List.of(eve.id()), "2023-03-02T17:00:00Z")));
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), "california-2023",
                0, new MeetingDetails("paypal", "PayPal", "PayPal headquarters", "2211 N First St, San Jose, CA 95131",
                        "San José", paypalStart, paypalStart.plus(Duration.ofHours(1)), "America/Los_Angeles",
                        "ECONOMIC", "FINTECH", List.of(eve.id()))));
        awaitMails(eve.email(), 2);

        clock.set(Instant.parse("2023-03-02T01:00:00Z"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailTo(eve.email()).size() == 2);

        clock.set(Instant.parse("2023-03-02T02:05:00Z"));

        MimeMessage digest = awaitMails(eve.email(), 3).get(2);
        assertThat(digest.getSubject()).isEqualTo("Convoy: tu agenda del jueves, 2 de marzo de 2023");
        assertThat(MailParts.text(digest)).contains("tienes 2 reunión(es)", "hora del Pacífico (America/Los_Angeles)",
                "09:00–10:00  Netflix — Netflix headquarters", "10:00–11:00  PayPal — PayPal headquarters");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailTo(eve.email()).size() == 3);
    }

    @Test
    void theHostsContactsHearOfEveryChangeOnceInTheirLanguageWithWhoComesAndTheMeetingsInvitation() throws Exception {
        Attendee marta = attendee("Marta", "es", false);
        String hostId = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        HostContactsChanged.HostContact dana = new HostContactsChanged.HostContact(UUID.randomUUID(),
                "Dana Whitfield", "dana." + hostId + "@example.com", null, "en");
        HostContactsChanged.HostContact lucia = new HostContactsChanged.HostContact(UUID.randomUUID(), "Lucía Pérez",
                "lucia." + hostId + "@example.com", "+14155550100", "es");
        events.publish(new HostContactsChanged(UUID.randomUUID(), Instant.now(), 1, hostId, "Studio",
                List.of(dana, lucia)));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findByHostId(hostId).size() == 2);
        UUID meetingId = UUID.randomUUID();
        MeetingConfirmed confirmed = new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId,
                "california-2023", 0, studio(hostId, List.of(marta.id()), "2023-03-01T23:00:00Z"));

        events.publish(confirmed);
        events.publish(confirmed);

        MimeMessage toDana = SMTP.await(dana.email(), 1).get(0);
        assertThat(toDana.getSubject()).isEqualTo("Convoy: a delegation visits Studio on Wednesday, March 1, 2023");
        assertThat(MailParts.text(toDana)).contains("15:00 to 16:00, Pacific Time (America/Los_Angeles)",
                "Who comes: Marta Hernández (Zapopan)", "California 2023 Convoy");
        VEvent invite = onlyEvent(calendarOf(toDana), "REQUEST");
        assertThat(value(invite, Property.UID)).isEqualTo(meetingId + "@convoy");
        assertThat(value(invite, Property.SEQUENCE)).isEqualTo("0");
        MimeMessage toLucia = SMTP.await(lucia.email(), 1).get(0);
        assertThat(toLucia.getSubject()).isEqualTo("Convoy: una delegación visita Studio el miércoles, 1 de marzo de 2023");
        assertThat(MailParts.text(toLucia)).contains("de 15:00 a 16:00, hora del Pacífico (America/Los_Angeles)",
                "Quién viene: Marta Hernández (Zapopan)");

        events.publish(new MeetingRescheduled(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 1,
                studio(hostId, List.of(marta.id()), "2023-03-02T00:00:00Z")));
        MimeMessage moved = SMTP.await(dana.email(), 2).get(1);
        assertThat(moved.getSubject()).isEqualTo("Convoy: the visit to Studio changed");
        assertThat(MailParts.text(moved)).contains("16:00 to 17:00, Pacific Time (America/Los_Angeles)");
        VEvent update = onlyEvent(calendarOf(moved), "REQUEST");
        assertThat(value(update, Property.UID)).isEqualTo(meetingId + "@convoy");
        assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");

        events.publish(new MeetingCancelled(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 2,
                "Cambio de agenda", List.of(marta.id())));
        MimeMessage cancelled = SMTP.await(lucia.email(), 3).get(2);
        assertThat(cancelled.getSubject()).isEqualTo("Convoy: se canceló la visita a Studio");
        VEvent cancellation = onlyEvent(calendarOf(cancelled), "CANCEL");
        assertThat(value(cancellation, Property.UID)).isEqualTo(meetingId + "@convoy");
        assertThat(value(cancellation, Property.SEQUENCE)).isEqualTo("2");
        assertThat(SMTP.await(dana.email(), 3)).as("once each, though confirmed twice").hasSize(3);
        assertThat(textsTo(lucia.phone())).as("hosts' contacts hear by email").isEmpty();
        assertThat(log("meetingId=" + meetingId)).contains("\"kind\":\"HOST_VISIT_CONFIRMED\"",
                "\"kind\":\"HOST_VISIT_CANCELLED\"", dana.contactId().toString());

        events.publish(new HostContactsChanged(UUID.randomUUID(), Instant.now(), 1, hostId, "Studio", List.of(dana)));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(lucia.contactId()).isEmpty());
    }

    @Test
    void onceTheMeetingHasEndedOnlyTheAttendeeWhoCheckedInIsAskedForHerFeedbackOnceInHerLanguage() throws Exception {
        Attendee ana = attendee("Ana", "es", false);
        Attendee absent = attendee("Ausente", "en", false);
        UUID meetingId = UUID.randomUUID();
        MeetingDetails meeting = netflix(List.of(ana.id(), absent.id()), "2023-03-01T23:00:00Z");
        events.publish(new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 0,
                meeting));
        awaitMailTo(ana.email());
        awaitMailTo(absent.email());
        clock.set(Instant.parse("2023-03-01T23:05:00Z"));
        AttendeeCheckedIn arrived = new AttendeeCheckedIn(UUID.randomUUID(), Instant.now(), 1, meetingId,
                "california-2023", ana.id(), Instant.parse("2023-03-01T22:55:00Z"), meeting.endsAt(), meeting.zone());
        events.publish(arrived);
        events.publish(arrived);
        events.publish(new AttendeeCheckedIn(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023",
                ana.id(), Instant.parse("2023-03-01T22:56:00Z"), meeting.endsAt(), meeting.zone()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(CheckedInAttendee.idOf(meetingId, ana.id()))), CheckedInAttendee.class));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailTo(ana.email()).size() == 1);

        clock.set(Instant.parse("2023-03-02T00:05:00Z"));

        MimeMessage survey = awaitMails(ana.email(), 2).get(1);
        assertThat(survey.getSubject()).isEqualTo("Convoy: ¿cómo te fue en la reunión con Netflix?");
        String link = "http://localhost:8080/survey#pass=" + passes.survey(meetingId, ana.id());
        assertThat(MailParts.text(survey)).contains("Hola Ana Hernández", "de 15:00 a 16:00, hora del Pacífico "
                + "(America/Los_Angeles)", SampleConvoy.SPANISH, link);
        assertThat(MailParts.html(survey)).contains("href=\"" + link + "\"").doesNotContain("cid:checkin-qr");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailTo(ana.email()).size() == 2);
        assertThat(mailTo(absent.email())).hasSize(1);
        assertThat(log("delegateId=" + ana.id())).contains("\"kind\":\"MEETING_SURVEY\"");
    }

    @Test
    void aHostContactsLinkArrivesInHerLanguageWithTheCodeOnlyTheLinkSecretMakes() throws Exception {
        String hostId = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        HostContactsChanged.HostContact lucia = new HostContactsChanged.HostContact(UUID.randomUUID(), "Lucía Pérez",
                "lucia." + hostId + "@example.com", null, "es");
        events.publish(new HostContactsChanged(UUID.randomUUID(), Instant.now(), 1, hostId, "Studio", List.of(lucia)));
        String nonce = LinkCodes.nonce();

        events.publish(new HostLinkIssued(UUID.randomUUID(), Instant.now(), 1, hostId, lucia.contactId(), nonce,
                Instant.parse("2023-02-27T20:00:00Z")));

        MimeMessage mail = SMTP.await(lucia.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Convoy: tu enlace a la página de anfitriones");
        assertThat(MailParts.text(mail)).contains("Hola Lucía Pérez:", "/host#code="
                + new LinkCodes(TestSecrets.LINK).code(lucia.contactId(), nonce), "27 de febrero de 2023");
    }

    private static MeetingDetails studio(String hostId, List<UUID> attendees, String startsAt) {
        Instant start = Instant.parse(startsAt);
        return new MeetingDetails(hostId, "Studio", "Studio lot", "1 Market St, San Francisco, CA 94105",
                "San Francisco", start, start.plus(Duration.ofHours(1)), "America/Los_Angeles", "CREATIVE_INDUSTRIES",
                "CINEMATOGRAPHY", attendees);
    }

    private Attendee attendee(String name, String language, boolean sms) {
        return MeetingAttendees.register(events, contacts, name, language, sms);
    }

    private static MeetingDetails netflix(List<UUID> attendees, String startsAt) {
        return MeetingAttendees.netflix(attendees, startsAt);
    }

    private String log(String query) {
        return MeetingAttendees.log(port, query);
    }

    private List<JsonNode> textsTo(String phone) {
        return MeetingAttendees.textsTo(port, phone);
    }

    private static Calendar calendarOf(MimeMessage mail) throws Exception {
        return Calendars.read(MailParts.calendar(mail).orElseThrow(() -> new AssertionError("no calendar attached")));
    }

    private static List<MimeMessage> awaitMailTo(String email) {
        return SMTP.await(email, 1);
    }

    private static List<MimeMessage> awaitMails(String email, int count) {
        return SMTP.await(email, count);
    }

    private static List<MimeMessage> mailTo(String email) {
        return SMTP.to(email);
    }
}
