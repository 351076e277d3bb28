package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import jakarta.mail.internet.MimeMessage;

import org.convoy.events.ConvoyDatesChanged;
import org.convoy.events.ConvoyDetails;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.ConvoyPublished;
import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateErased;
import org.convoy.events.DelegateKeyDestroyed;
import org.convoy.events.DelegateKeyShared;
import org.convoy.events.DelegateLinkOpened;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateWaitlisted;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.events.EventCatalog;
import org.convoy.events.EventCodec;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.events.Topics;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.test.ExportedMetrics;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestSecrets;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.TokenChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Delegate events on a real broker become real email (GreenMail) and texts (local SMS adapter), in the delegate's
 * language, once each.
 */
@ServiceIntegrationTest
@AutoConfigureTracing
@Import(DelegateNoticesIT.ReportedSpans.class)
@TestPropertySource(properties = { "convoy.sms.per-number-per-hour=2", "convoy.notification.retry.first-delay=300ms",
        "convoy.notification.retry.poll=200ms", "convoy.notification.quiet-hours.enabled=false" })
class DelegateNoticesIT {

    private static final String ORGANIZER = TestTokens.organizer();
    private static final DelegateDataKeys KEYS = new DelegateDataKeys(TestSecrets.DELEGATE_DATA);
    private static final EventCodec CODEC = new EventCodec();

    /** On a fixed port, so it can be stopped and started again where the service expects it. */
    static final Mailbox SMTP = new Mailbox().start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.serve(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    ContactRepository contacts;

    @LocalServerPort
    int port;

    @Autowired
    TestEventPublisher events;

    @Autowired
    MongoOperations mongo;

    @Autowired
    BindingService bindings;

    @Autowired
    Environment environment;

    @Autowired
    ReportedSpans spans;

    /** The spans this service reported, as a trace backend would receive them. */
    static class ReportedSpans extends SpanHandler {

        private final ConcurrentLinkedQueue<MutableSpan> ended = new ConcurrentLinkedQueue<>();

        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
            if (cause == Cause.FINISHED) {
                ended.add(span);
            }
            return true;
        }

        java.util.stream.Stream<MutableSpan> named(String name) {
            return ended.stream().filter(span -> name.equals(span.name()));
        }
    }

    @BeforeEach
    void convoyIsKnown() {
        SampleConvoy.publish(events, mongo);
    }

    @Test
    void spanishSpeakingDelegateIsWelcomedInSpanish() throws Exception {
        String email = unique("maria");
        UUID delegate = UUID.randomUUID();
        sealed(registered(delegate, email, "María", "es")).forEach(events::publish);
        events.publish(link(delegate, RegistrationLinkIssued.REGISTERED));

        MimeMessage mail = awaitMailTo(email).get(0);

        assertThat(mail.getSubject()).isEqualTo("Convoy: recibimos tu registro, María");
        assertThat(MailParts.text(mail)).contains("Hola María Hernández", "para el Convoy California 2023", "revisará",
                personalLink(delegate), "válido hasta el 20 de marzo de 2023");
        assertThat(mail.getFrom()[0].toString()).contains("avisos@convoy.local");
        await("the latency histogram").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = Http.get("http://localhost:" + port + "/actuator/prometheus").body();
            assertThat(ExportedMetrics.namesIn(scrape)).containsAll(ExportedMetrics.listedFor("notification-sent"));
            assertThat(scrape).containsPattern(
                    "convoy_notification_latency_seconds_bucket\\{[^}]*channel=\"EMAIL\"[^}]*kind=\"[^\"]+\",le=\"1\\.0\"");
        });
    }

    /**
     * The lag of each group and topic the service reads, as the broker counts it: it grows while the delegate stream's
     * consumer is stopped, and falls back to 0 once it has caught up.
     */
    @Test
    void consumerLagIsCountedByGroupAndTopicAndFallsBackToZeroOnceConsumed() {
        String group = environment.getRequiredProperty("spring.cloud.stream.default.group");
        await("every group and topic counted").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(ExportedMetrics.valueIn(scrape, "convoy_consumer_lag", "group", group, "topic",
                    Topics.DELEGATES)).hasValue(0.0);
            assertThat(ExportedMetrics.valueIn(scrape, "convoy_consumer_lag", "group", group, "topic",
                    Topics.MEETINGS)).isPresent();
            assertThat(ExportedMetrics.valueIn(scrape, "convoy_consumer_lag", "group", group + "-keys", "topic",
                    Topics.DELEGATE_KEYS)).isPresent();
        });

        bindings.getConsumerBindings("delegateEvents-in-0").forEach(Binding::stop);
        try {
            events.publish(registered(UUID.randomUUID(), unique("lag"), "Rosa", "es"));
            events.publish(registered(UUID.randomUUID(), unique("lag"), "Rubén", "es"));
            await("behind while stopped").atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    ExportedMetrics.valueIn(scrape(), "convoy_consumer_lag", "group", group, "topic",
                            Topics.DELEGATES)).hasValue(2.0));
        } finally {
            bindings.getConsumerBindings("delegateEvents-in-0").forEach(Binding::start);
        }

        await("caught up").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ExportedMetrics.valueIn(
                scrape(), "convoy_consumer_lag", "group", group, "topic", Topics.DELEGATES)).hasValue(0.0));
    }

    private String scrape() {
        return Http.get("http://localhost:" + port + "/actuator/prometheus").body();
    }

    @Test
    void englishSpeakingDelegateIsWelcomedInEnglish() throws Exception {
        String email = unique("john");
        UUID delegate = UUID.randomUUID();
        events.publish(registered(delegate, email, "John", "en"));
        events.publish(link(delegate, RegistrationLinkIssued.REGISTERED));

        MimeMessage mail = awaitMailTo(email).get(0);

        assertThat(mail.getSubject()).isEqualTo("Convoy: we received your registration, John");
        assertThat(MailParts.text(mail)).contains("Hello John Hernández", "will review it",
                "valid until March 20, 2023");
    }

    @Test
    void whenAConvoyMovesItsDatesEveryDelegateStillTakingPartIsToldOnceInTheirLanguage() throws Exception {
        String convoy = "moving-" + UUID.randomUUID().toString().substring(0, 8);
        events.publish(new ConvoyPublished(UUID.randomUUID(), Instant.now(), 1, convoy, 1, new ConvoyDetails(
                Map.of("es", "Convoy Texas 2027", "en", "Texas 2027 Convoy"), LocalDate.parse("2027-06-14"),
                LocalDate.parse("2027-06-16"), "America/Chicago",
                List.of(new ConvoyDetails.City("HOUSTON", "Houston", "America/Chicago")), "OPEN", null, null,
                LocalDate.parse("2028-06-16"), List.of())));
        UUID lupe = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID tom = UUID.randomUUID();
        String lupeEmail = unique("lupe");
        String annEmail = unique("ann");
        String tomEmail = unique("tom");
        events.publish(inConvoy(registered(lupe, lupeEmail, "Lupe", "es"), convoy));
        events.publish(inConvoy(registered(ann, annEmail, "Ann", "en"), convoy));
        events.publish(inConvoy(registered(tom, tomEmail, "Tom", "en"), convoy));
        events.publish(new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, tom, convoy));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(tom).map(Contact::departed).orElse(false)
                && contacts.findById(lupe).isPresent() && contacts.findById(ann).isPresent());
        ConvoyDatesChanged moved = new ConvoyDatesChanged(UUID.randomUUID(), Instant.now(), 1, convoy, 2,
                LocalDate.parse("2027-06-07"), LocalDate.parse("2027-06-09"), LocalDate.parse("2027-06-14"),
                LocalDate.parse("2027-06-16"));

        events.publish(moved);
        events.publish(moved);

        MimeMessage spanish = awaitMailTo(lupeEmail).get(0);
        MimeMessage english = awaitMailTo(annEmail).get(0);
        assertThat(spanish.getSubject()).isEqualTo("Convoy: nuevas fechas del Convoy Texas 2027");
        assertThat(MailParts.text(spanish)).contains("Hola Lupe Hernández", "del 14 de junio de 2027 al 16 de junio de 2027",
                "antes, del 7 de junio de 2027 al 9 de junio de 2027");
        assertThat(english.getSubject()).isEqualTo("Convoy: new dates for Texas 2027 Convoy");
        assertThat(MailParts.text(english)).contains("from June 14, 2027 to June 16, 2027");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mailTo(tomEmail))
                .extracting(MimeMessage::getSubject).isNotEmpty());
        assertThat(mailTo(tomEmail)).extracting(MimeMessage::getSubject)
                .noneMatch(subject -> subject.contains("Texas"));
        assertThat(mailTo(lupeEmail)).as("sent once, though the event came twice").hasSize(1);
        assertThat(mailTo(annEmail)).hasSize(1);
    }

    private static DelegateRegistered inConvoy(DelegateRegistered registered, String convoyId) {
        return new DelegateRegistered(registered.eventId(), registered.occurredAt(), registered.schemaVersion(),
                registered.delegateId(), convoyId, registered.groupId(), registered.profile(),
                registered.sealedProfile());
    }

    @Test
    void waitlistedDelegateIsToldTheyWait() throws Exception {
        String email = unique("espera");
        UUID delegate = UUID.randomUUID();
        events.publish(registered(delegate, email, "Rosa", "es"));
        events.publish(new DelegateWaitlisted(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023", delegate));
        events.publish(link(delegate, RegistrationLinkIssued.REGISTERED));

        MimeMessage mail = awaitMailTo(email).get(0);

        assertThat(mail.getSubject()).isEqualTo("Convoy: estás en la lista de espera, Rosa");
    }

    @Test
    void aRequestedLinkComesInItsOwnEmail() throws Exception {
        String email = unique("again");
        UUID delegate = UUID.randomUUID();
        events.publish(registered(delegate, email, "Ana", "en"));
        events.publish(link(delegate, RegistrationLinkIssued.REQUESTED));

        MimeMessage mail = awaitMailTo(email).get(0);

        assertThat(mail.getSubject()).isEqualTo("Convoy: your personal link");
        assertThat(MailParts.text(mail)).contains(personalLink(delegate)).doesNotContain(nonceOf(delegate));
    }

    @Test
    void theSameEventDeliveredFiveTimesSendsOneEmailAndTheLogShowsItSent() {
        String email = unique("repeat");
        UUID delegate = UUID.randomUUID();
        events.publish(registered(delegate, email, "Lucía", "es"));
        RegistrationLinkIssued event = link(delegate, RegistrationLinkIssued.REGISTERED);
        for (int i = 0; i < 5; i++) {
            events.publish(event);
        }
        String marker = unique("marker");
        UUID markerId = UUID.randomUUID();
        events.publish(registered(markerId, marker, "Marca", "es"));
        events.publish(link(markerId, RegistrationLinkIssued.REGISTERED));

        awaitMailTo(marker);
        assertThat(mailTo(email)).hasSize(1);
        String log = Http.get("http://localhost:" + port + "/api/notifications?delegateId=" + delegate, ORGANIZER).body();
        assertThat(log).contains("\"status\":\"SENT\"", "\"channel\":\"EMAIL\"", "REGISTRATION_RECEIVED");
        assertThat(log.split("\"id\"")).hasSize(2);
    }

    @Test
    void noTextGoesToANumberBeforeTheDelegateConfirmsItThenTheWelcomeThatWaitedAndOneShortTextEvenWhenTheEventComesFiveTimes() {
        UUID delegate = UUID.randomUUID();
        String phone = "+5233" + String.valueOf(Math.abs(delegate.getMostSignificantBits())).substring(0, 8);
        DelegateRegistered registered = registered(delegate, unique("sms"), "Rosa", "es");
        events.publish(new DelegateRegistered(registered.eventId(), registered.occurredAt(), 1, delegate,
                "california-2023", delegate, new DelegateProfile("Rosa", "Hernández", registered.profile().email(), phone,
                        "es", "MAYOR", "MX-JAL", null, "Gobierno Municipal de Zapopan", null, List.of(), List.of(),
                        Set.of("EMAIL", "SMS"))));
        events.publish(link(delegate, RegistrationLinkIssued.REGISTERED));

        awaitMailTo(registered.profile().email());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryLog(delegate))
                .contains("\"channel\":\"SMS\"", "\"status\":\"DEFERRED\"", "The number is not confirmed yet"));
        assertThat(localTextsTo(phone)).as("no text before the number is confirmed").isEmpty();

        events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));
        DelegateApproved approved = new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023");
        for (int i = 0; i < 5; i++) {
            events.publish(approved);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(localTextsTo(phone)).hasSize(2));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(localTextsTo(phone)).hasSize(2));
        assertThat(localTextsTo(phone)).extracting(sent -> sent.path("text").asString()).containsExactlyInAnyOrder(
                "Convoy: Rosa, recibimos tu registro. Tu enlace personal está en tu correo.",
                "Convoy: Rosa, tu registro fue aprobado. Tu agenda llegará por correo.");
        var text = localTextsTo(phone).stream().filter(sent -> sent.path("text").asString().contains("aprobado"))
                .findFirst().orElseThrow();
        assertThat(text.path("encoding").asString()).isEqualTo("UCS2");
        assertThat(text.path("segments").asInt()).isEqualTo(1);
    }

    @Test
    void aNumberThePlatformMayNotTextFailsVisiblyAndCostsNothing() {
        UUID delegate = UUID.randomUUID();
        String premium = "+1900555" + String.valueOf(Math.abs(delegate.getLeastSignificantBits())).substring(0, 4);
        DelegateRegistered registered = registered(delegate, unique("premium"), "Paco", "es");
        events.publish(new DelegateRegistered(registered.eventId(), registered.occurredAt(), 1, delegate,
                "california-2023", delegate, new DelegateProfile("Paco", "Luna", registered.profile().email(), premium,
                        "es", "MAYOR", "MX-JAL", null, "Gobierno Municipal de Zapopan", null, List.of(), List.of(),
                        Set.of("EMAIL", "SMS"))));
        events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));
        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveryLog(delegate))
                .contains("\"channel\":\"SMS\"", "\"status\":\"FAILED\"", "Not a number the platform may reach by SMS"));
        assertThat(localTextsTo(premium)).isEmpty();
    }

    @Test
    void pastTheHourlyBudgetOfANumberATextWaitsForTheNextHourVisibly() {
        UUID delegate = UUID.randomUUID();
        String phone = "+5255" + String.valueOf(Math.abs(delegate.getMostSignificantBits())).substring(0, 8);
        DelegateRegistered registered = registered(delegate, unique("budget"), "Inés", "es");
        events.publish(new DelegateRegistered(registered.eventId(), registered.occurredAt(), 1, delegate,
                "california-2023", delegate, new DelegateProfile("Inés", "Mora", registered.profile().email(), phone,
                        "es", "MAYOR", "MX-JAL", null, "Gobierno Municipal de Zapopan", null, List.of(), List.of(),
                        Set.of("EMAIL", "SMS"))));
        events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));
        for (int i = 0; i < 3; i++) {
            events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveryLog(delegate))
                .contains("\"status\":\"DEFERRED\"", "The hourly SMS budget is spent"));
        assertThat(localTextsTo(phone)).as("two texts this hour, the budget of one number").hasSize(2);
    }

    private String deliveryLog(UUID delegate) {
        return Http.get("http://localhost:" + port + "/api/notifications?delegateId=" + delegate, ORGANIZER).body();
    }

    @Test
    void theDeliveryLogAndTheLocalTextsAreForOrganizersOnly() {
        TokenChecks.assertOrganizersOnly("http://localhost:" + port + "/api/notifications?delegateId=" + UUID.randomUUID());
        TokenChecks.assertOrganizersOnly("http://localhost:" + port + "/api/notifications/local-sms");
    }

    private List<tools.jackson.databind.JsonNode> localTextsTo(String phone) {
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Http.get("http://localhost:" + port + "/api/notifications/local-sms", ORGANIZER).body())
                .valueStream().filter(node -> phone.equals(node.path("to").asString())).toList();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            approved  | es | Convoy: tu registro fue aprobado, Elena         | aprobó tu registro para el Convoy California 2023
            approved  | en | Convoy: your registration is approved, Elena   | approved your registration for California 2023 Convoy
            rejected  | es | Convoy: sobre tu registro, Elena               | Motivo: Cupo completo
            rejected  | en | Convoy: about your registration, Elena         | Reason: Cupo completo
            promoted  | es | Convoy: ya tienes lugar, Elena                 | Se liberó un lugar en el Convoy California 2023
            promoted  | en | Convoy: a place is now yours, Elena            | A place was freed in California 2023 Convoy
            withdrawn | es | Convoy: tu registro fue cancelado, Elena       | saliste de sus reuniones
            withdrawn | en | Convoy: your registration was withdrawn, Elena | you were taken off its meetings
            """)
    void everyLifecycleNoticeReachesTheDelegateInTheirLanguage(String change, String language, String subject,
            String body) throws Exception {
        UUID delegate = UUID.randomUUID();
        String email = unique(change + "." + language);
        events.publish(registered(delegate, email, "Elena", language));
        Instant now = Instant.now();
        events.publish(switch (change) {
            case "approved" -> new DelegateApproved(UUID.randomUUID(), now, 1, delegate, "california-2023");
            case "rejected" -> new DelegateRejected(UUID.randomUUID(), now, 1, delegate, "california-2023",
                    "Cupo completo");
            case "promoted" -> new DelegatePromoted(UUID.randomUUID(), now, 1, delegate, "california-2023", delegate);
            default -> new DelegateWithdrawn(UUID.randomUUID(), now, 1, delegate, "california-2023");
        });

        MimeMessage mail = awaitMailTo(email).get(0);

        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(MailParts.text(mail)).contains("Elena Hernández", body);
    }

    @Test
    void mailSentWhileTheSmtpServerIsDownArrivesOnceAfterItRecovers() throws Exception {
        UUID delegate = UUID.randomUUID();
        String email = unique("outage");
        DelegateApproved approval = new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023");
        SMTP.stop();
        try {
            events.publish(registered(delegate, email, "Inés", "es"));
            events.publish(approval);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveryLog(delegate))
                    .contains("\"status\":\"RETRYING\"", "\"kind\":\"APPROVED\""));
        } finally {
            SMTP.start();
        }

        MimeMessage mail = awaitMailTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Convoy: tu registro fue aprobado, Inés");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryLog(delegate))
                .contains("\"status\":\"SENT\"").doesNotContain("RETRYING"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(mailTo(email)).hasSize(1));
        // Every attempt, the retrier's too, is in the trace of the event that caused the notice.
        String noticeId = Notice.idOf(approval.eventId(), delegate, "EMAIL");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.named("notice send")
                .filter(span -> noticeId.equals(span.tag("notice.id"))).toList())
                .hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(span -> assertThat(span.tag("attempt")).isEqualTo("1"))
                .anySatisfy(span -> assertThat(span.tag("sent")).isEqualTo("true"))
                .extracting(MutableSpan::traceId).containsOnly(spans.named("delegateEvents process")
                        .filter(span -> approval.eventId().toString().equals(span.tag("event.id")))
                        .map(MutableSpan::traceId).findFirst().orElseThrow()));
    }

    @Test
    void anErasedDelegateIsForgottenByContactsAndTheDeliveryLogKeepsNoPersonalData() {
        UUID delegate = UUID.randomUUID();
        List<ConvoyEvent> registration = sealed(registered(delegate, unique("erase"), "Ana", "es"));
        registration.forEach(events::publish);
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.existsById(delegate));

        events.publish(link(delegate, RegistrationLinkIssued.REGISTERED));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryLog(delegate).contains("\"status\":\"SENT\""));

        events.publish(new DelegateKeyDestroyed(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));
        events.publish(new DelegateErased(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !contacts.existsById(delegate));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryLog(delegate))
                .contains("\"to\":\"erased\"", "\"status\":\"SENT\"").doesNotContain("@example.org", "Ana"));
        // Her sealed registration read again (a replay, a restore) brings nothing back: her key is gone.
        registration.forEach(event -> events.publishRaw(EventCatalog.topicOf(event), event.aggregateId(),
                EventCatalog.typeName(event.getClass()), CODEC.toBytes(again(event))));
        UUID marker = UUID.randomUUID();
        events.publish(registered(marker, unique("marker"), "Marca", "es"));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.existsById(marker));
        assertThat(contacts.existsById(delegate)).isFalse();
    }

    /** The delegate's key, then the registration with the profile sealed with it, as registration publishes them. */
    private static List<ConvoyEvent> sealed(DelegateRegistered plain) {
        UUID delegate = plain.delegateId();
        String key = KEYS.newKey(delegate);
        return List.of(new DelegateKeyShared(UUID.randomUUID(), Instant.now(), 1, delegate, plain.convoyId(), key),
                new DelegateRegistered(plain.eventId(), plain.occurredAt(), 2, delegate, plain.convoyId(),
                        plain.groupId(), null, KEYS.seal(delegate, key, plain.profile())));
    }

    /** The same event under a new id, as a consumer that never saw it would read it. */
    private static ConvoyEvent again(ConvoyEvent event) {
        if (event instanceof DelegateKeyShared key) {
            return new DelegateKeyShared(UUID.randomUUID(), key.occurredAt(), 1, key.delegateId(), key.convoyId(),
                    key.wrappedKey());
        }
        DelegateRegistered registered = (DelegateRegistered) event;
        return new DelegateRegistered(UUID.randomUUID(), registered.occurredAt(), 2, registered.delegateId(),
                registered.convoyId(), registered.groupId(), null, registered.sealedProfile());
    }

    private static RegistrationLinkIssued link(UUID delegate, String reason) {
        return new RegistrationLinkIssued(UUID.randomUUID(), Instant.now(), 2, delegate, "california-2023", reason,
                nonceOf(delegate), Instant.parse("2023-03-20T18:00:00Z"));
    }

    private static String nonceOf(UUID delegate) {
        return "nonce-" + delegate;
    }

    /** The personal link the email must carry: its one-time code made from the event's nonce with the link secret. */
    private static String personalLink(UUID delegate) {
        return "http://localhost:8080/registration#code=" + new LinkCodes(TestSecrets.LINK).code(delegate, nonceOf(delegate));
    }

    private static List<MimeMessage> awaitMailTo(String email) {
        return SMTP.await(email, 1);
    }

    private static List<MimeMessage> mailTo(String email) {
        return SMTP.to(email);
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static DelegateRegistered registered(UUID delegate, String email, String givenName, String language) {
        return new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023", delegate,
                new DelegateProfile(givenName, "Hernández", email, null, language, "MAYOR", "MX-JAL", "Zapopan",
                        "Gobierno Municipal de Zapopan", null, List.of(), List.of(), Set.of("EMAIL")));
    }
}
