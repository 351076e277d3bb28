package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateLinkOpened;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.notification.contact.PreferenceLinks;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.support.test.Http;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp notices through the real Twilio-compatible adapter, over the wire to a local stand-in of the provider
 * ({@link WhatsAppStub}): template messages with their variables, transient answers retried, a number not on WhatsApp
 * falling back to SMS once, sent once under redelivery, quiet hours and opt-outs, a kind without a template going by
 * SMS, and the channel's own budget.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "convoy.notification.whatsapp.provider=twilio",
        "convoy.notification.whatsapp.twilio.account-sid=AC77", "convoy.notification.whatsapp.twilio.auth-token=t0ken",
        "convoy.notification.whatsapp.twilio.from=+14155550123",
        "convoy.notification.whatsapp.templates.registration-received.es=HXwelcome_es",
        "convoy.notification.whatsapp.templates.registration-received.en=HXwelcome_en",
        "convoy.notification.whatsapp.templates.approved.es=HXapproved_es",
        "convoy.notification.whatsapp.per-number-per-hour=3",
        "convoy.notification.whatsapp.status-callback-url=" + WhatsAppNoticesIT.CALLBACK, "convoy.notification.retry.first-delay=200ms",
        "convoy.notification.retry.poll=200ms", "convoy.notification.reminders.enabled=false" })
class WhatsAppNoticesIT {

    static final String CALLBACK = "https://convoy.example.org/api/notifications/whatsapp/status";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Mailbox SMTP = new Mailbox().start();
    static final WhatsAppStub WHATSAPP = new WhatsAppStub();
    /** 14:00 in Guadalajara. */
    static final Instant AFTERNOON = Instant.parse("2023-02-20T20:00:00Z");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        SMTP.serve(registry);
        registry.add("convoy.notification.whatsapp.twilio.base-url", WHATSAPP::baseUrl);
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        WHATSAPP.stop();
    }

    @Autowired
    TestEventPublisher events;

    @Autowired
    ContactRepository contacts;

    @Autowired
    MutableClock clock;

    @Autowired
    PreferenceLinks preferenceLinks;

    @Autowired
    MongoOperations mongo;

    @LocalServerPort
    int port;

    @BeforeEach
    void afternoon() {
        clock.set(AFTERNOON);
        SampleConvoy.publish(events, mongo);
    }

    @Test
    void theWelcomeWaitsForHerNumberThenGoesOnceAsHerSpanishTemplateAndNotBySms() {
        Delegate lupita = register("Lupita", "es", Set.of("EMAIL", "WHATSAPP", "SMS"), false);
        RegistrationLinkIssued link = new RegistrationLinkIssued(UUID.randomUUID(), Instant.now(), 2, lupita.id(),
                "california-2023", RegistrationLinkIssued.REGISTERED, "nonce-" + lupita.id(),
                Instant.parse("2023-03-20T18:00:00Z"));
        events.publish(link);
        SMTP.await(lupita.email(), 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log(lupita))
                .contains("\"channel\":\"WHATSAPP\"", "\"status\":\"DEFERRED\"", "The number is not confirmed yet"));
        assertThat(WHATSAPP.to(lupita.whatsapp())).as("nothing before the number is confirmed").isEmpty();

        events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, lupita.id(), "california-2023"));
        for (int i = 0; i < 3; i++) {
            events.publish(link);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> WHATSAPP.to(lupita.whatsapp()).size() == 1);
        WhatsAppStub.Request sent = WHATSAPP.to(lupita.whatsapp()).get(0);
        assertThat(sent.path()).isEqualTo("/2010-04-01/Accounts/AC77/Messages.json");
        assertThat(sent.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("AC77:t0ken".getBytes()));
        assertThat(sent.form()).containsEntry("From", "whatsapp:+14155550123").containsEntry("ContentSid",
                "HXwelcome_es").doesNotContainKey("Body");
        JsonNode variables = JSON.readTree(sent.form().get("ContentVariables"));
        assertThat(variables.path("1").asString()).isEqualTo("Lupita");
        assertThat(variables.path("2").asString()).isEqualTo("Convoy California 2023");
        assertThat(variables.size()).as("the one-time link she already opened is not repeated").isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log(lupita))
                .contains("\"channel\":\"WHATSAPP\"", "\"status\":\"SENT\""));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(WHATSAPP.to(lupita.whatsapp())).hasSize(1));
        assertThat(log(lupita)).as("SMS only backs WhatsApp up").doesNotContain("\"channel\":\"SMS\"");
        assertThat(MeetingAttendees.textsTo(port, lupita.phone())).isEmpty();
    }

    @Test
    void whatWaitedMoreThanADayForHerNumberIsNotSentWhenSheFinallyConfirmsIt() {
        Delegate tarde = register("Tania", "es", Set.of("EMAIL", "WHATSAPP"), false);
        events.publish(new RegistrationLinkIssued(UUID.randomUUID(), Instant.now(), 2, tarde.id(), "california-2023",
                RegistrationLinkIssued.REGISTERED, "nonce-" + tarde.id(), Instant.parse("2023-03-20T18:00:00Z")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log(tarde))
                .contains("\"channel\":\"WHATSAPP\"", "\"status\":\"DEFERRED\""));
        clock.set(AFTERNOON.plus(Duration.ofHours(25)));

        events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, tarde.id(), "california-2023"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log(tarde))
                .contains("\"status\":\"SKIPPED\"", "The number was confirmed too late for this notice"));
        assertThat(WHATSAPP.to(tarde.whatsapp())).isEmpty();
    }

    @Test
    void rateLimitingAndProviderTroubleAreTriedAgainUntilTheMessageGoesOnce() {
        Delegate rafa = register("Rafael", "es", Set.of("EMAIL", "WHATSAPP"), true);
        WHATSAPP.answer(rafa.whatsapp(), WhatsAppStub.Answer.rateLimited(1), WhatsAppStub.Answer.unavailable(),
                WhatsAppStub.Answer.CREATED);

        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, rafa.id(), "california-2023"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log(rafa))
                .contains("\"channel\":\"WHATSAPP\"", "\"status\":\"SENT\"", "\"attempts\":3"));
        assertThat(WHATSAPP.to(rafa.whatsapp())).hasSize(3).allSatisfy(
                request -> assertThat(request.form()).containsEntry("ContentSid", "HXapproved_es"));
    }

    @Test
    void aNumberNotOnWhatsAppFallsBackToSmsOnceAndTheLogShowsBothAttempts() {
        Delegate nico = register("Nicolás", "es", Set.of("EMAIL", "WHATSAPP", "SMS"), true);
        Delegate only = register("Olga", "es", Set.of("EMAIL", "WHATSAPP"), true);
        WHATSAPP.answer(nico.whatsapp(), WhatsAppStub.Answer.NOT_ON_WHATSAPP);
        WHATSAPP.answer(only.whatsapp(), WhatsAppStub.Answer.NOT_ON_WHATSAPP);
        DelegateApproved approved = new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, nico.id(),
                "california-2023");

        for (int i = 0; i < 3; i++) {
            events.publish(approved);
        }
        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, only.id(), "california-2023"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> MeetingAttendees.textsTo(port, nico.phone()).size() == 1);
        assertThat(MeetingAttendees.textsTo(port, nico.phone()).get(0).path("text").asString())
                .isEqualTo("Convoy: Nicolás, tu registro fue aprobado. Tu agenda llegará por correo.");
        JsonNode entries = JSON.readTree(log(nico));
        JsonNode whatsapp = entry(entries, "WHATSAPP");
        JsonNode sms = entry(entries, "SMS");
        assertThat(whatsapp.path("status").asString()).isEqualTo("FAILED");
        assertThat(whatsapp.path("lastError").asString()).contains("400", "63003");
        assertThat(sms.path("status").asString()).isEqualTo("SENT");
        assertThat(sms.path("fallbackOf").asString()).isEqualTo(whatsapp.path("id").asString());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(WHATSAPP.to(nico.whatsapp())).hasSize(1);
            assertThat(MeetingAttendees.textsTo(port, nico.phone())).hasSize(1);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log(only))
                .contains("\"channel\":\"WHATSAPP\"", "\"status\":\"FAILED\"").doesNotContain("\"channel\":\"SMS\""));
    }

    @Test
    void aMessageTheProviderReportsUndeliveredFallsBackToSmsOnceAndOnlySignedReportsCount() throws Exception {
        Delegate vero = register("Verónica", "es", Set.of("EMAIL", "WHATSAPP", "SMS"), true);
        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, vero.id(), "california-2023"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log(vero))
                .contains("\"channel\":\"WHATSAPP\"", "\"status\":\"SENT\""));
        assertThat(WHATSAPP.to(vero.whatsapp()).get(0).form()).containsEntry("StatusCallback", CALLBACK);
        String sid = entry(JSON.readTree(log(vero)), "WHATSAPP").path("providerId").asString();
        assertThat(sid).startsWith("MM");
        Map<String, String> undelivered = new TreeMap<>(Map.of("MessageSid", sid, "MessageStatus", "undelivered",
                "ErrorCode", "63024", "AccountSid", "AC77", "To", vero.whatsapp(), "From", "whatsapp:+14155550123"));

        assertThat(report(undelivered, "forged").statusCode()).isEqualTo(403);
        assertThat(report(Map.of("MessageSid", sid, "MessageStatus", "delivered"), null).statusCode()).isEqualTo(403);
        assertThat(report(new TreeMap<>(Map.of("MessageSid", sid, "MessageStatus", "delivered")), "signed")
                .statusCode()).isEqualTo(204);
        assertThat(entry(JSON.readTree(log(vero)), "WHATSAPP").path("status").asString()).isEqualTo("SENT");
        assertThat(MeetingAttendees.textsTo(port, vero.phone())).isEmpty();

        for (int i = 0; i < 2; i++) {
            assertThat(report(undelivered, "signed").statusCode()).isEqualTo(204);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> MeetingAttendees.textsTo(port, vero.phone()).size() == 1);
        JsonNode entries = JSON.readTree(log(vero));
        assertThat(entry(entries, "WHATSAPP").path("status").asString()).isEqualTo("FAILED");
        assertThat(entry(entries, "WHATSAPP").path("lastError").asString()).contains("undelivered", "63024");
        assertThat(entry(entries, "SMS").path("fallbackOf").asString())
                .isEqualTo(entry(entries, "WHATSAPP").path("id").asString());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(MeetingAttendees.textsTo(port, vero.phone())).hasSize(1));
    }

    /** Posts a status report as the provider would, signed with the account's token, or with a forged signature. */
    private java.net.http.HttpResponse<String> report(Map<String, String> form, String signing) throws Exception {
        StringBuilder data = new StringBuilder(CALLBACK);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(("forged".equals(signing) ? "n0t-the-token" : "t0ken")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String body = form.entrySet().stream().map(field -> field.getKey() + "=" + java.net.URLEncoder.encode(
                field.getValue(), java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/notifications/whatsapp/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signing != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return Http.send(request);
    }

    @Test
    void routineMessagesWaitOutHerNightAndGoInTheMorning() {
        Delegate noche = register("Noemí", "es", Set.of("EMAIL", "WHATSAPP"), true);
        clock.set(Instant.parse("2023-02-21T05:00:00Z")); // 23:00 in Guadalajara

        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, noche.id(), "california-2023"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log(noche))
                .contains("\"channel\":\"WHATSAPP\"", "\"status\":\"DEFERRED\"", "Quiet hours in America/Mexico_City"));
        assertThat(WHATSAPP.to(noche.whatsapp())).isEmpty();
        clock.set(Instant.parse("2023-02-21T14:01:00Z")); // 08:01

        await().atMost(Duration.ofSeconds(20)).until(() -> WHATSAPP.to(noche.whatsapp()).size() == 1);
    }

    @Test
    void optingOutOfARoutineKindOnWhatsAppSendsItBySmsAndWhatSheMustKnowStillComesByWhatsApp() throws Exception {
        Delegate pilar = register("Pilar", "es", Set.of("EMAIL", "WHATSAPP", "SMS"), true);
        String preferences = "http://localhost:" + port + "/api/notifications/preferences/"
                + preferenceLinks.token(pilar.id());
        var changed = Http.send(HttpRequest.newBuilder(URI.create(preferences)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"optOuts\": [\"WHATSAPP:approved\"]}")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("channels").toString())
                .isEqualTo("[\"EMAIL\",\"WHATSAPP\",\"SMS\"]");

        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, pilar.id(), "california-2023"));
        // Her welcome is critical: opting out of routine notices does not stop it. (Not a meeting: meeting events of
        // the suite's other tests wait for their attendees on the shared topic, in the same partitions.)
        events.publish(new RegistrationLinkIssued(UUID.randomUUID(), Instant.now(), 2, pilar.id(), "california-2023",
                RegistrationLinkIssued.REGISTERED, "nonce-" + pilar.id(), Instant.parse("2023-03-20T18:00:00Z")));

        await().atMost(Duration.ofSeconds(20)).until(() -> WHATSAPP.to(pilar.whatsapp()).size() == 1
                && MeetingAttendees.textsTo(port, pilar.phone()).size() == 1);
        assertThat(WHATSAPP.to(pilar.whatsapp()).get(0).form()).containsEntry("ContentSid", "HXwelcome_es");
        assertThat(MeetingAttendees.textsTo(port, pilar.phone()).get(0).path("text").asString())
                .contains("tu registro fue aprobado");
        assertThat(log(pilar)).contains("Opted out of approved by WHATSAPP");
    }

    @Test
    void aKindWithoutAnApprovedTemplateGoesBySmsAndTheChannelsBudgetHoldsTheRest() {
        Delegate tere = register("Teresa", "es", Set.of("EMAIL", "WHATSAPP", "SMS"), true);

        events.publish(new DelegatePromoted(UUID.randomUUID(), Instant.now(), 1, tere.id(), "california-2023", tere.id()));
        for (int i = 0; i < 4; i++) {
            events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, tere.id(), "california-2023"));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log(tere))
                .contains("\"status\":\"DEFERRED\"", "The hourly WhatsApp budget is spent"));
        assertThat(WHATSAPP.to(tere.whatsapp())).as("three messages an hour to one number").hasSize(3);
        assertThat(MeetingAttendees.textsTo(port, tere.phone())).extracting(text -> text.path("text").asString())
                .containsExactly("Convoy: Teresa, se liberó un lugar en el convoy y ahora es tuyo.");
    }

    private static JsonNode entry(JsonNode entries, String channel) {
        return entries.valueStream().filter(entry -> channel.equals(entry.path("channel").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + channel + " notice in " + entries));
    }

    private String log(Delegate delegate) {
        return MeetingAttendees.log(port, "delegateId=" + delegate.id());
    }

    record Delegate(UUID id, String email, String phone) {

        String whatsapp() {
            return "whatsapp:" + phone;
        }
    }

    /** A delegate of Jalisco with a Guadalajara number, her number confirmed or not yet. */
    private Delegate register(String name, String language, Set<String> channels, boolean confirmed) {
        UUID id = UUID.randomUUID();
        String email = name.toLowerCase() + "." + id.toString().substring(0, 8) + "@example.org";
        String phone = "+5233" + String.valueOf(Math.abs(id.getLeastSignificantBits())).substring(0, 8);
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", id,
                new DelegateProfile(name, "Ortega", email, phone, language, "MAYOR", "MX-JAL", "Zapopan",
                        "Gobierno Municipal de Zapopan", null, List.of(), List.of(), channels)));
        if (confirmed) {
            events.publish(new DelegateLinkOpened(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));
            await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(id).map(Contact::textsConfirmed)
                    .orElse(false));
        } else {
            await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(id).isPresent());
        }
        return new Delegate(id, email, phone);
    }
}
