package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.convoy.events.DelegateErased;
import org.convoy.events.DelegateKeyDestroyed;
import org.convoy.events.DelegateLinkOpened;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingDetails;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.events.Topics;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.meeting.domain.MeetingCopyRepository;
import org.convoy.support.inbox.ProcessedEvents;
import org.convoy.support.personal.DelegateKeyring;
import org.convoy.support.test.Http;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.event.ConsumerPartitionPausedEvent;
import org.springframework.kafka.event.ConsumerPausedEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice to a delegate whose contact notification does not know yet is not dropped. A meeting event waits for the
 * contact (its partition paused, the others read on) and notifies her once it arrives; if it does not arrive within
 * the wait, the event becomes a dead letter naming her, which organizers see and replay once she is known. The other
 * attendees are notified at once, and once only, however often the event is tried. On the delegate stream, where her
 * contact would have come before, the event is a dead letter at once. An erased delegate is owed nothing.
 *
 * <p>The wait is ten minutes on the service's clock here: a test that needs it to end moves the clock past it.
 */
@ServiceIntegrationTest
@Import({ MutableClock.Config.class, NoticesAwaitingContactIT.Pauses.class })
@TestPropertySource(properties = { "convoy.notification.contact-wait.window=10m",
        "convoy.notification.contact-wait.interval=500ms", "convoy.notification.quiet-hours.enabled=false",
        "convoy.notification.digest.enabled=false", "convoy.notification.retry.poll=200ms" })
class NoticesAwaitingContactIT {

    static final Mailbox SMTP = new Mailbox().start();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ORGANIZER = TestTokens.organizer();
    static final String MEETING_NOTICES = "meeting-notices";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SMTP.serve(registry);
        // One consumer thread reads every partition of a topic, as in production: a waiting event must not hold up
        // the other partitions.
        registry.add("convoy.topics.partitions", () -> "3");
        // Topics another test class created with one partition grow to three.
        registry.add("spring.cloud.stream.kafka.binder.auto-add-partitions", () -> "true");
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
    MeetingCopyRepository meetings;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    DelegateKeyring keyring;

    @Autowired
    MongoOperations mongo;

    @Autowired
    Environment environment;

    @Autowired
    Pauses pauses;

    @LocalServerPort
    int port;

    /** The partitions the consumers paused, and the consumers paused whole, as the containers announce them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Pauses {

        final List<TopicPartition> partitions = new CopyOnWriteArrayList<>();
        final List<TopicPartition> ofWholeConsumers = new CopyOnWriteArrayList<>();

        @EventListener
        void paused(ConsumerPartitionPausedEvent paused) {
            partitions.add(paused.getPartition());
        }

        @EventListener
        void paused(ConsumerPausedEvent paused) {
            ofWholeConsumers.addAll(paused.getPartitions());
        }
    }

    @BeforeEach
    void convoyIsKnown() {
        clock.set(MutableClock.BEFORE_CONVOY);
        SampleConvoy.publish(events, mongo);
    }

    @Test
    void anAttendeeWhoseRegistrationArrivesLateIsInvitedOnceAndNothingIsDeadLettered() {
        Person known = attendee("Ana", false);
        Person late = person("Tardía");
        MeetingConfirmed confirmed = confirmed(UUID.randomUUID(), known.id(), late.id());

        events.publish(confirmed);
        SMTP.await(known.email(), 1);
        assertThat(processed.isProcessed(MEETING_NOTICES, confirmed.eventId().toString()))
                .as("the event waits for the contact").isFalse();
        register(late, false);

        MimeMessage invitation = SMTP.await(late.email(), 1).get(0);
        assertThat(subject(invitation)).startsWith("Convoy: reunión con Netflix");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processed.isProcessed(MEETING_NOTICES, confirmed.eventId().toString()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> SMTP.to(late.email()).size() == 1 && SMTP.to(known.email()).size() == 1);
        assertThat(lettersAbout(late.id())).isEmpty();
        assertThat(letters()).noneMatch(letter -> confirmed.eventId().toString()
                .equals(letter.path("eventId").asString()));
    }

    @Test
    void aMeetingEventWhoseAttendeeNeverArrivesIsADeadLetterNamingHerAndItsReplayInvitesHerOnce() {
        Person missing = person("Perdida");
        UUID meetingId = UUID.randomUUID();
        MeetingConfirmed confirmed = confirmed(meetingId, missing.id());

        events.publish(confirmed);
        JsonNode letter = awaitLetterAfterTheWait(missing.id());

        assertThat(letter.path("kind").asString()).isEqualTo("EVENT");
        assertThat(letter.path("status").asString()).isEqualTo("DEAD");
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.MEETINGS);
        assertThat(letter.path("eventId").asString()).isEqualTo(confirmed.eventId().toString());
        assertThat(letter.path("eventType").asString()).isEqualTo("MeetingConfirmed");
        assertThat(ids(letter.path("delegateIds"))).containsExactly(missing.id().toString());
        assertThat(letter.path("meetingId").asString()).isEqualTo(meetingId.toString());
        assertThat(letter.path("error").asString()).contains("No contact known for delegate " + missing.id());
        assertThat(processed.isProcessed(MEETING_NOTICES, confirmed.eventId().toString())).isFalse();
        assertThat(SMTP.to(missing.email())).isEmpty();

        register(missing, false);
        var replayed = Http.postJson(url("/dead-letters/" + letter.path("id").asString() + "/replay"), "", ORGANIZER);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(subject(SMTP.await(missing.email(), 1).get(0))).startsWith("Convoy: reunión con Netflix");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processed.isProcessed(MEETING_NOTICES, confirmed.eventId().toString()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> SMTP.to(missing.email()).size() == 1);
        assertThat(lettersAbout(missing.id())).hasSize(1);
    }

    @Test
    void aMeetingWithOneUnknownAttendeeNotifiesTheOthersOnceEachAndDeadLettersOnlyHer() {
        Person rosa = attendee("Rosa", true);
        Person luis = attendee("Luis", false);
        Person unknown = person("Desconocida");
        MeetingConfirmed confirmed = confirmed(UUID.randomUUID(), rosa.id(), unknown.id(), luis.id());

        events.publish(confirmed);
        SMTP.await(rosa.email(), 1);
        SMTP.await(luis.email(), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> textsTo(rosa.phone()).size() == 1);
        // The event is tried again every half second while it waits: still one email and one text each.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> SMTP.to(rosa.email()).size() == 1 && SMTP.to(luis.email()).size() == 1
                        && textsTo(rosa.phone()).size() == 1);
        JsonNode letter = awaitLetterAfterTheWait(unknown.id());

        assertThat(ids(letter.path("delegateIds"))).containsExactly(unknown.id().toString());
        assertThat(letter.path("eventId").asString()).isEqualTo(confirmed.eventId().toString());
        assertThat(lettersAbout(rosa.id())).isEmpty();
        assertThat(lettersAbout(luis.id())).isEmpty();
        assertThat(SMTP.to(rosa.email())).hasSize(1);
        assertThat(SMTP.to(luis.email())).hasSize(1);
        assertThat(textsTo(rosa.phone())).hasSize(1);
    }

    @Test
    void whileAMeetingEventWaitsForAContactTheEventsOfOtherPartitionsGoOn() throws Exception {
        int partitions = partitionsOf(Topics.MEETINGS);
        assertThat(partitions).as("partitions of " + Topics.MEETINGS).isGreaterThan(1);
        UUID waitingMeeting = UUID.randomUUID();
        UUID otherMeeting = otherPartitionThan(waitingMeeting, partitions);
        Person later = person("Después");
        Person known = attendee("Sol", false);
        MeetingConfirmed waiting = confirmed(waitingMeeting, later.id());
        events.publish(waiting);
        await().atMost(Duration.ofSeconds(20)).until(() -> meetings.existsById(waitingMeeting));

        events.publish(confirmed(otherMeeting, known.id()));

        SMTP.await(known.email(), 1);
        assertThat(processed.isProcessed(MEETING_NOTICES, waiting.eventId().toString()))
                .as("the first event still waits for its attendee").isFalse();
        assertThat(lettersAbout(later.id())).isEmpty();
        assertThat(pauses.partitions).as("paused while waiting")
                .contains(new TopicPartition(Topics.MEETINGS, partitionOf(waitingMeeting, partitions)))
                .doesNotContain(new TopicPartition(Topics.MEETINGS, partitionOf(otherMeeting, partitions)));
        assertThat(pauses.ofWholeConsumers).noneMatch(paused -> paused.topic().equals(Topics.MEETINGS));
        register(later, false);
        SMTP.await(later.email(), 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processed.isProcessed(MEETING_NOTICES, waiting.eventId().toString()));
    }

    @Test
    void aDelegateEventForADelegateWithoutAContactIsADeadLetterAtOnceAndItsReplayWelcomesHerOnce() {
        Person lost = person("Lucía");
        RegistrationLinkIssued link = new RegistrationLinkIssued(UUID.randomUUID(), Instant.now(), 2, lost.id(),
                "california-2023", RegistrationLinkIssued.REGISTERED, "nonce-" + lost.id(),
                Instant.parse("2023-03-20T18:00:00Z"));

        events.publish(link);
        // Her registration would have come before on this stream: there is nothing to wait for.
        await().atMost(Duration.ofSeconds(20)).until(() -> !lettersAbout(lost.id()).isEmpty());
        JsonNode letter = lettersAbout(lost.id()).get(0);

        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.DELEGATES);
        assertThat(letter.path("eventType").asString()).isEqualTo("RegistrationLinkIssued");
        assertThat(letter.path("eventId").asString()).isEqualTo(link.eventId().toString());
        assertThat(ids(letter.path("delegateIds"))).containsExactly(lost.id().toString());
        assertThat(letter.path("key").asString()).isEqualTo(lost.id().toString());

        register(lost, false);
        var replayed = Http.postJson(url("/dead-letters/" + letter.path("id").asString() + "/replay"), "", ORGANIZER);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(subject(SMTP.await(lost.email(), 1).get(0))).isEqualTo("Convoy: recibimos tu registro, Lucía");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> SMTP.to(lost.email()).size() == 1);
    }

    @Test
    void anErasedAttendeeIsOwedNothingAndTheEventDoesNotWait() {
        Person erased = attendee("Borrada", false);
        Person known = attendee("Mar", false);
        events.publish(new DelegateKeyDestroyed(UUID.randomUUID(), Instant.now(), 1, erased.id(), "california-2023"));
        events.publish(new DelegateErased(UUID.randomUUID(), Instant.now(), 1, erased.id(), "california-2023"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !contacts.existsById(erased.id()) && keyring.wasDestroyed(erased.id()));
        MeetingConfirmed confirmed = confirmed(UUID.randomUUID(), known.id(), erased.id());

        events.publish(confirmed);

        SMTP.await(known.email(), 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processed.isProcessed(MEETING_NOTICES, confirmed.eventId().toString()));
        assertThat(SMTP.to(erased.email())).isEmpty();
        assertThat(lettersAbout(erased.id())).isEmpty();
    }

    private record Person(UUID id, String name, String email, String phone) {
    }

    /** Someone notification has not heard of yet. */
    private static Person person(String name) {
        UUID id = UUID.randomUUID();
        return new Person(id, name, name.toLowerCase() + "." + id.toString().substring(0, 8) + "@example.org",
                "+5233" + String.valueOf(Math.abs(id.getLeastSignificantBits())).substring(0, 8));
    }

    /** Someone whose registration notification has read. */
    private Person attendee(String name, boolean sms) {
        Person person = person(name);
        register(person, sms);
        return person;
    }

    private void register(Person person, boolean sms) {
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, person.id(), "california-2023",
                person.id(), new DelegateProfile(person.name(), "Hernández", person.email(),
                        sms ? person.phone() : null, "es", "MAYOR", "MX-JAL", "Zapopan", "Gobierno Municipal de Zapopan",
                        null, List.of(), List.of(), sms ? Set.of("EMAIL", "SMS") : Set.of("EMAIL"))));
        events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, person.id(), "california-2023"));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(person.id())
                .map(Contact::textsConfirmed).orElse(false));
    }

    private static MeetingConfirmed confirmed(UUID meetingId, UUID... attendees) {
        Instant start = Instant.parse("2023-03-01T23:00:00Z");
        return new MeetingConfirmed(UUID.randomUUID(), Instant.now(), 1, meetingId, "california-2023", 0,
                new MeetingDetails("netflix", "Netflix", "Netflix headquarters", "121 Albright Way, Los Gatos, CA 95032",
                        "San José", start, start.plus(Duration.ofHours(1)), "America/Los_Angeles",
                        "CREATIVE_INDUSTRIES", "CINEMATOGRAPHY", List.of(attendees)));
    }

    /** Moves the service's clock past the wait until the dead letter naming this delegate is there. */
    private JsonNode awaitLetterAfterTheWait(UUID delegateId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.set(clock.instant().plus(Duration.ofMinutes(11)));
            return !lettersAbout(delegateId).isEmpty();
        });
        return lettersAbout(delegateId).get(0);
    }

    private List<JsonNode> lettersAbout(UUID delegateId) {
        return JSON.readTree(Http.get(url("/dead-letters?delegateId=" + delegateId), ORGANIZER).body()).valueStream()
                .toList();
    }

    private List<JsonNode> letters() {
        return JSON.readTree(Http.get(url("/dead-letters"), ORGANIZER).body()).valueStream().toList();
    }

    private List<JsonNode> textsTo(String phone) {
        return JSON.readTree(Http.get(url("/local-sms"), ORGANIZER).body()).valueStream()
                .filter(node -> phone.equals(node.path("to").asString())).toList();
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private int partitionsOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers")))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    /** A meeting id that Kafka's default partitioner puts in another partition than this one's. */
    private static UUID otherPartitionThan(UUID meetingId, int partitions) {
        UUID other = UUID.randomUUID();
        while (partitionOf(other, partitions) == partitionOf(meetingId, partitions)) {
            other = UUID.randomUUID();
        }
        return other;
    }

    private static int partitionOf(UUID key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/notifications" + path;
    }
}
