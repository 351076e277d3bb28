package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.registration.delegate.domain.Registration;
import org.convoy.registration.delegate.domain.RegistrationRepository;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.SealedProfiles;
import org.convoy.support.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class RegistrationIT {

    @LocalServerPort
    int port;

    @Autowired
    RegistrationRepository delegates;


    private final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    EventProbe events;
    @Autowired
    SealedProfiles sealed;

    @Test
    void registrationIsStoredAndPublishedAsDelegateRegisteredKeyedByDelegateId() {
        String email = RegistrationRequests.uniqueEmail();

        HttpResponse<String> response = register(RegistrationRequests.mayor(email));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        UUID id = UUID.fromString(body.path("id").asString());
        assertThat(body.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(response.headers().firstValue("Location")).contains("/api/registrations/" + id);

        await().atMost(Duration.ofSeconds(20)).until(() -> events.recordsWithKey(id.toString()).size() == 2);
        ConsumerRecord<String, byte[]> record = events.recordsWithKey(id.toString()).get(0);
        assertThat(EventProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("DelegateRegistered");
        DelegateRegistered registered = new EventCodec().read(record.value(), DelegateRegistered.class);
        assertThat(registered.delegateId()).isEqualTo(id);
        assertThat(registered.convoyId()).isEqualTo("california-2023");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("the profile travels sealed")
                .doesNotContain("María", "Hernández", "Núñez", email, "3312345678", "Zapopan");
        assertThat(registered.profile()).isNull();
        DelegateProfile profile = sealed.open(registered);
        assertThat(profile.fullName()).isEqualTo("María Hernández Núñez");
        assertThat(profile.email()).isEqualTo(email);
        assertThat(profile.phone()).isEqualTo("+523312345678");
        assertThat(profile.state()).isEqualTo("MX-JAL");
        assertThat(profile.channels()).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(profile.sharesWithHosts()).as("no consent to share unless given").isFalse();
        assertThat(sealed.keyEvents(id)).containsExactly("DelegateKeyShared");

        Registration stored = delegates.findById(id).orElseThrow();
        assertThat(stored.privacyConsent().policyVersion()).isEqualTo("2023-01");
        assertThat(events.recordsWithKey(id.toString())).extracting(r -> EventProbe.header(r, EventHeaders.EVENT_TYPE))
                .containsExactly("DelegateRegistered", "RegistrationLinkIssued");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> delegates.findById(id).orElseThrow().pendingEvents().isEmpty());
    }

    @Test
    void consentToShareOrganizationAndPositionWithHostsTravelsWithTheProfile() {
        String email = RegistrationRequests.uniqueEmail();

        HttpResponse<String> response = register(RegistrationRequests.mayor(email)
                .replace("\"privacyConsent\": true", "\"privacyConsent\": true, \"shareWithHosts\": true"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = json.readTree(response.body()).path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.recordsWithKey(id).isEmpty());
        DelegateRegistered registered = new EventCodec().read(events.recordsWithKey(id).get(0).value(),
                DelegateRegistered.class);
        assertThat(sealed.open(registered).sharesWithHosts()).isTrue();
    }

    @Test
    void sameEmailTwiceInOneConvoyIs409WithoutPersonalData() {
        String email = RegistrationRequests.uniqueEmail();
        assertThat(register(RegistrationRequests.mayor(email)).statusCode()).isEqualTo(201);

        HttpResponse<String> again = register(RegistrationRequests.mayor(email.toUpperCase()));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(again.body()).doesNotContainIgnoringCase(email).doesNotContain("María");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field status (no mass assignment)  | "privacyConsent": true         | "privacyConsent": true, "status": "APPROVED" | status
            unknown field id                            | "privacyConsent": true         | "privacyConsent": true, "id": "0b6f9a34-4c1e-4d2a-9a57-2f3c1d5e7a10" | id
            operator object instead of email            | "email": "EMAIL"               | "email": {"$gt": ""}                    | email
            number instead of role                      | "role": "MAYOR"                | "role": 5                               | role
            role outside the list                       | "role": "MAYOR"                | "role": "KING"                          | role
            state outside Mexico's 32                   | "state": "MX-JAL"              | "state": "MX-XYZ"                       | state
            blank given name                            | "givenName": "María"           | "givenName": "  "                       | givenName
            malformed email                             | "email": "EMAIL"               | "email": "maria-at-zapopan"             | email
            phone too short                             | "phone": "+52 33 1234-5678"    | "phone": "33 1234 567"                  | phone
            unknown convoy                              | "convoyId": "california-2023"  | "convoyId": "atlantis-2099"             | convoyId
            SMS without phone                           | "phone": "+52 33 1234-5678"    | "phone": null                           | phone
            texts to a premium-rate number              | "phone": "+52 33 1234-5678"    | "phone": "+1 900 555 0100"              | phone
            texts to a satellite number                 | "phone": "+52 33 1234-5678"    | "phone": "+881 6 1234 5678"             | phone
            texts to a country the convoy does not text | "phone": "+52 33 1234-5678"    | "phone": "+252 61 234 5678"             | phone
            privacy consent not given                   | "privacyConsent": true         | "privacyConsent": false                 | privacyConsent
            no channel                                  | "channels": ["EMAIL", "SMS"]   | "channels": []                          | channels
            NUL in a name (it would reach email subjects) | "givenName": "María"         | "givenName": "Mar\\u0000ía"            | givenName
            line break in a name                        | "familyName": "Hernández Núñez" | "familyName": "Hernández\\r\\nBcc: x" | familyName
            right-to-left override in an organization   | "organization": "Gobierno Municipal de Zapopan" | "organization": "Org \\u202egnp.exe" | organization
            a name of invisible characters only         | "givenName": "María"           | "givenName": "\\u200b\\u200b\\u2060"   | givenName
            a directional isolate in a position         | "position": "Presidenta Municipal" | "position": "\\u2067Presidenta\\u2069" | position
            """)
    void badInputIs400NamingTheFieldAndStoresNothing(String caseName, String replace, String with, String field) {
        String email = RegistrationRequests.uniqueEmail();
        String body = RegistrationRequests.mayor(email).replace("\"email\": \"" + email + "\"", "\"email\": \"EMAIL\"")
                .replace(replace, with).replace("\"email\": \"EMAIL\"", "\"email\": \"" + email + "\"");
        long before = delegates.count();

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> fields = json.readTree(response.body()).path("errors").valueStream()
                .map(error -> error.path("field").asString()).toList();
        assertThat(fields).contains(field);
        assertThat(delegates.count()).isEqualTo(before);
    }

    @Test
    void whatsAppWithoutAPhoneIs400OnThePhoneAndStoresNothing() {
        String body = RegistrationRequests.mayor(RegistrationRequests.uniqueEmail())
                .replace("\"phone\": \"+52 33 1234-5678\"", "\"phone\": null")
                .replace("\"channels\": [\"EMAIL\", \"SMS\"]", "\"channels\": [\"EMAIL\", \"WHATSAPP\"]");
        long before = delegates.count();

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = json.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("phone");
        assertThat(error.path("message").asString()).isEqualTo("is required to receive SMS or WhatsApp messages");
        assertThat(delegates.count()).isEqualTo(before);
    }

    @Test
    void aCompanionChoosingWhatsAppWithoutAPhoneIs400OnTheirPhone() {
        String companion = """
                "companions": [{"givenName": "Pablo", "familyName": "Ortiz", "email": "%s",
                  "preferredLanguage": "es", "role": "STAFF", "channels": ["WHATSAPP"]}],
                "privacyConsent": true""".formatted(RegistrationRequests.uniqueEmail());
        String body = RegistrationRequests.mayor(RegistrationRequests.uniqueEmail())
                .replace("\"privacyConsent\": true", companion);

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("errors").valueStream()
                .map(error -> error.path("field").asString())).contains("companions[0].phone");
    }

    @Test
    void whatsAppToANumberThePlatformMayNotTextIs400OnThePhone() {
        String body = RegistrationRequests.mayor(RegistrationRequests.uniqueEmail())
                .replace("\"phone\": \"+52 33 1234-5678\"", "\"phone\": \"+1 900 555 0100\"")
                .replace("\"channels\": [\"EMAIL\", \"SMS\"]", "\"channels\": [\"WHATSAPP\"]");

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("phone");
    }

    @Test
    void whatsAppToAMexicanMobileIsRegisteredAndTravelsInTheProfile() {
        String body = RegistrationRequests.mayor(RegistrationRequests.uniqueEmail()).replace(
                "\"channels\": [\"EMAIL\", \"SMS\"]", "\"channels\": [\"EMAIL\", \"WHATSAPP\", \"SMS\"]");

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        UUID id = UUID.fromString(json.readTree(response.body()).path("id").asString());
        assertThat(delegates.findById(id).orElseThrow().lead().profile().channels())
                .containsExactlyInAnyOrder("EMAIL", "WHATSAPP", "SMS");
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.recordsWithKey(id.toString()).isEmpty());
        DelegateRegistered registered = new EventCodec().read(events.recordsWithKey(id.toString()).get(0).value(),
                DelegateRegistered.class);
        DelegateProfile profile = sealed.open(registered);
        assertThat(profile.channels()).containsExactlyInAnyOrder("EMAIL", "WHATSAPP", "SMS");
        assertThat(profile.phone()).isEqualTo("+523312345678");
    }

    @Test
    void namesAreKeptInOneUnicodeFormWhateverTheKeyboardSent() {
        String email = RegistrationRequests.uniqueEmail();
        String decomposed = RegistrationRequests.mayor(email).replace("\"givenName\": \"María\"",
                "\"givenName\": \"Mari\\u0301a\"");

        HttpResponse<String> response = register(decomposed);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        UUID id = UUID.fromString(json.readTree(response.body()).path("id").asString());
        String stored = delegates.findById(id).orElseThrow().lead().profile().givenName();
        assertThat(stored).isEqualTo("Mar\u00eda").hasSize(5);
    }

    @Test
    void aBodyMissingMostFieldsStillNamesTheUnknownOne() {
        HttpResponse<String> response = register("{\"convoyId\": \"california-2023\", \"status\": \"APPROVED\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void aBodyWithoutConsentNamesTheMissingFields() {
        HttpResponse<String> response = register("{\"convoyId\": \"california-2023\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = json.readTree(response.body()).path("errors").valueStream()
                .map(error -> error.path("field").asString()).toList();
        assertThat(fields).contains("privacyConsent", "email", "givenName", "role", "state", "channels");
    }

    @Test
    void malformedJsonIs400AndNoEventIsPublished() {
        int recordsBefore = events.records().size();

        HttpResponse<String> response = register("{\"convoyId\": \"california-2023\", \"givenName\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("title").asString()).isEqualTo("Malformed JSON");
        assertThat(events.records()).hasSize(recordsBefore);
    }

    @Test
    void queryOperatorsInTextAreStoredAsPlainText() {
        String email = RegistrationRequests.uniqueEmail();
        String organization = "Municipio'; $where: function() { return true } //";
        String body = RegistrationRequests.mayor(email).replace("Gobierno Municipal de Zapopan", organization);

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).isEqualTo(201);
        UUID id = UUID.fromString(json.readTree(response.body()).path("id").asString());
        assertThat(delegates.findById(id).orElseThrow().lead().profile().organization()).isEqualTo(organization);
    }

    @Test
    void anOversizeBodyIs413AndStoresNothing() {
        long before = delegates.count();
        String body = RegistrationRequests.mayor(RegistrationRequests.uniqueEmail())
                .replace("Presidenta Municipal", "x".repeat(70_000));

        HttpResponse<String> response = register(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("title").asString()).isEqualTo("Request body too large");
        assertThat(delegates.count()).isEqualTo(before);
    }

    @Test
    void describesItsApiWithOpenApi() {
        HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/registrations/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = json.readTree(response.body());
        assertThat(api.path("openapi").asString()).startsWith("3.");
        assertThat(api.path("paths").propertyNames()).contains("/api/registrations", "/api/registrations/self",
                "/api/registrations/approvals", "/api/registrations/export.csv");
    }

    private HttpResponse<String> register(String body) {
        return Http.postJson("http://localhost:" + port + "/api/registrations", body);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
