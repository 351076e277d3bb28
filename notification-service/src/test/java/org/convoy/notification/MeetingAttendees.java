package org.convoy.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.convoy.events.DelegateLinkOpened;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.MeetingDetails;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.support.test.Http;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Attendees of the sample convoy's meetings as the meeting tests make them, and what notification tells them. */
final class MeetingAttendees {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MeetingAttendees() {
    }

    record Attendee(UUID id, String email, String phone) {
    }

    /** A delegate registered on the delegate stream, with texts confirmed when she chose them. */
    static Attendee register(TestEventPublisher events, ContactRepository contacts, String name, String language,
            boolean sms) {
        UUID id = UUID.randomUUID();
        String email = name.toLowerCase() + "." + id.toString().substring(0, 8) + "@example.org";
        String phone = sms ? "+5233" + String.valueOf(Math.abs(id.getLeastSignificantBits())).substring(0, 8) : null;
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", id,
                new DelegateProfile(name, "Hernández", email, phone, language, "MAYOR", "MX-JAL", "Zapopan",
                        "Gobierno Municipal de Zapopan", null, List.of(), List.of(),
                        sms ? Set.of("EMAIL", "SMS") : Set.of("EMAIL"))));
        // Delegates confirm their number by opening their personal link; no text goes out before.
        events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(id).map(Contact::textsConfirmed)
                .orElse(false));
        return new Attendee(id, email, phone);
    }

    /** An hour at Netflix in Los Gatos, in San José's part of the convoy. */
    static MeetingDetails netflix(List<UUID> attendees, String startsAt) {
        Instant start = Instant.parse(startsAt);
        return new MeetingDetails("netflix", "Netflix", "Netflix headquarters", "121 Albright Way, Los Gatos, CA 95032",
                "San José", start, start.plus(Duration.ofHours(1)), "America/Los_Angeles", "CREATIVE_INDUSTRIES",
                "CINEMATOGRAPHY", attendees);
    }

    /** The delivery log, as organizers read it. */
    static String log(int port, String query) {
        return Http.get("http://localhost:" + port + "/api/notifications?" + query, TestTokens.organizer()).body();
    }

    /** The texts the local SMS adapter kept for a number. */
    static List<JsonNode> textsTo(int port, String phone) {
        return JSON.readTree(Http.get("http://localhost:" + port + "/api/notifications/local-sms",
                        TestTokens.organizer()).body())
                .valueStream().filter(node -> phone.equals(node.path("to").asString())).toList();
    }
}
