package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import org.convoy.events.ConvoyDetails;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.registration.convoy.PlacesLedger;
import org.convoy.registration.delegate.Registrations;
import org.convoy.registration.delegate.SelfServiceLinks;
import org.convoy.registration.delegate.domain.PrivacyConsent;
import org.convoy.registration.delegate.domain.Registration;
import org.convoy.registration.delegate.domain.RegistrationRepository;
import org.convoy.registration.delegate.domain.RegistrationStatus;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.ProblemAssertions;
import org.convoy.support.test.SealedProfiles;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestSecrets;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole registration lifecycle over HTTP, with its events on a real broker. */
@ServiceIntegrationTest
class RegistrationLifecycleIT {

    private static final String ORGANIZER = TestTokens.organizer();

    @LocalServerPort
    int port;

    @Autowired
    RegistrationRepository registrations;

    @Autowired
    TestConvoys convoys;

    @Autowired
    PlacesLedger places;

    @Autowired
    Registrations lifecycle;

    @Autowired
    SelfServiceLinks links;


    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    EventProbe events;
    @Autowired
    SealedProfiles sealed;

    @Test
    void aMayorRegistersWithStaffInOneSubmission() {
        String convoy = convoy(10, Map.of());

        JsonNode answer = created(post("/api/registrations", mayorWithStaff(convoy, "zapopan", 2), null));

        assertThat(answer.path("members")).hasSize(3);
        UUID lead = UUID.fromString(answer.path("id").asString());
        List<UUID> staff = answer.path("members").valueStream().filter(m -> !m.path("lead").asBoolean())
                .map(m -> UUID.fromString(m.path("delegateId").asString())).toList();
        assertThat(answer.path("members").valueStream().map(m -> m.path("status").asString())).containsOnly("SUBMITTED");
        for (UUID member : staff) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.recordsWithKey(member.toString()).size() == 2);
            var registered = new EventCodec().read(events.recordsWithKey(member.toString()).get(0).value(),
                    org.convoy.events.DelegateRegistered.class);
            assertThat(registered.groupId()).isEqualTo(lead);
            assertThat(sealed.open(registered).role()).isEqualTo("STAFF");
            assertThat(sealed.open(registered).organization()).isEqualTo("Gobierno Municipal de zapopan");
        }
    }

    @Test
    void oneEmailTwiceInOneSubmissionIsRefusedOnThatCompanion() {
        String convoy = convoy(10, Map.of());
        String body = mayorWithStaff(convoy, "tonala", 2).replace("staff1.tonala", "staff0.tonala");

        HttpResponse<String> response = post("/api/registrations", body, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"companions[1].email\"");
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameAnswerAndOneRegistration() {
        String convoy = convoy(10, Map.of());
        String body = mayorWithStaff(convoy, "colima", 1);
        String key = "retry-" + UUID.randomUUID();

        HttpResponse<String> first = post("/api/registrations", body, key);
        HttpResponse<String> again = post("/api/registrations", body, key);
        HttpResponse<String> otherBody = post("/api/registrations", body.replace("Presidenta", "Alcaldesa"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json.readTree(again.body()).path("id")).isEqualTo(json.readTree(first.body()).path("id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(registrations.findByConvoyId(convoy)).hasSize(1);
    }

    @Test
    void fiftyParallelSubmissionsWithOneEmailRegisterExactlyOneDelegate() throws Exception {
        String convoy = convoy(100, Map.of());
        String body = mayorWithStaff(convoy, "leon", 0);
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> post("/api/registrations", body, null)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
        assertThat(registrations.findByConvoyId(convoy)).hasSize(1);
    }

    @Test
    void aFullConvoyWaitlistsWholeGroupsAndFreedPlacesPromoteTheNextGroupThatFits() {
        String convoy = convoy(3, Map.of("MAYOR", 3));
        JsonNode a = created(post("/api/registrations", mayorWithStaff(convoy, "a", 1), null));
        JsonNode b = created(post("/api/registrations", mayorWithStaff(convoy, "b", 1), null));
        JsonNode c = created(post("/api/registrations", mayorWithStaff(convoy, "c", 0), null));
        JsonNode d = created(post("/api/registrations", mayorWithStaff(convoy, "d", 0), null));

        assertThat(statuses(a)).containsOnly("SUBMITTED");
        assertThat(statuses(b)).containsOnly("WAITLISTED");
        assertThat(statuses(c)).containsOnly("SUBMITTED");
        assertThat(statuses(d)).containsOnly("WAITLISTED");

        lifecycle.withdraw(memberId(a, false), "delegate");
        assertThat(statusesNow(d)).containsOnly("SUBMITTED");
        assertThat(statusesNow(b)).containsOnly("WAITLISTED");

        lifecycle.withdraw(memberId(c, true), "delegate");
        assertThat(statusesNow(b)).containsOnly("WAITLISTED");

        lifecycle.withdraw(memberId(a, true), "delegate");
        assertThat(statusesNow(b)).containsOnly("SUBMITTED");

        for (UUID member : List.of(memberId(b, true), memberId(b, false))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.recordsWithKey(member.toString()))
                    .extracting(r -> EventProbe.header(r, EventHeaders.EVENT_TYPE))
                    .containsExactly("DelegateRegistered", "DelegateWaitlisted", "RegistrationLinkIssued",
                            "DelegatePromoted"));
        }
        assertThat(places.pendingPromotions(convoy)).isEmpty();
        assertThat(mongo.findById(convoy, org.bson.Document.class, "convoys").getList("promotions", Object.class))
                .as("promotions still to tell, as stored").isEmpty();
    }

    @Test
    void morePlacesFromTheConvoyStreamPromoteWaitingGroupsThatNowFit() {
        String convoy = convoy(2, Map.of("MAYOR", 2));
        JsonNode a = created(post("/api/registrations", mayorWithStaff(convoy, "a", 0), null));
        JsonNode b = created(post("/api/registrations", mayorWithStaff(convoy, "b", 0), null));
        JsonNode c = created(post("/api/registrations", mayorWithStaff(convoy, "c", 0), null));
        assertThat(statuses(c)).containsOnly("WAITLISTED");

        convoys.publish(TestConvoys.publication(convoy, 1, "OPEN", TestConvoys.ALWAYS_OPEN, 3, Map.of("MAYOR", 3),
                LocalDate.of(2024, 3, 3)));
        convoys.publish(TestConvoys.publication(convoy, 0, "OPEN", TestConvoys.ALWAYS_OPEN, 2, Map.of("MAYOR", 2),
                LocalDate.of(2024, 3, 3)));

        assertThat(statusesNow(c)).as("promoted into the new place; the older publication changed nothing")
                .containsOnly("SUBMITTED");
        assertThat(statusesNow(a)).containsOnly("SUBMITTED");
        assertThat(statusesNow(b)).containsOnly("SUBMITTED");
        JsonNode d = created(post("/api/registrations", mayorWithStaff(convoy, "d", 0), null));
        assertThat(statuses(d)).containsOnly("WAITLISTED");

        convoys.publish(TestConvoys.publication(convoy, 2, "OPEN", TestConvoys.ALWAYS_OPEN, 1, Map.of("MAYOR", 1),
                LocalDate.of(2024, 3, 3)));
        lifecycle.withdraw(memberId(a, true), "delegate");
        assertThat(statusesNow(d)).as("fewer places than held: nobody is put out, and nobody new gets one")
                .containsOnly("WAITLISTED");
        assertThat(statusesNow(b)).containsOnly("SUBMITTED");
    }

    @Test
    void aConvoyOutsideItsRegistrationWindowRefusesRegistrationsSayingWhen() {
        String notYet = convoy(10, Map.of());
        String closed = convoy(10, Map.of());
        String draft = convoy(10, Map.of());
        Instant future = Instant.now().plus(Duration.ofDays(30));
        convoys.publish(TestConvoys.publication(notYet, 1, "OPEN", new ConvoyDetails.Registration(future,
                future.plus(Duration.ofDays(30))), 10, Map.of(), LocalDate.of(2024, 3, 3)));
        convoys.publish(TestConvoys.publication(closed, 1, "CLOSED", TestConvoys.ALWAYS_OPEN, 10, Map.of(),
                LocalDate.of(2024, 3, 3)));
        convoys.publish(TestConvoys.publication(draft, 1, "DRAFT", TestConvoys.ALWAYS_OPEN, 10, Map.of(),
                LocalDate.of(2024, 3, 3)));

        HttpResponse<String> early = post("/api/registrations", mayorWithStaff(notYet, "early", 0), null);
        HttpResponse<String> late = post("/api/registrations", mayorWithStaff(closed, "late", 0), null);
        HttpResponse<String> drafted = post("/api/registrations", mayorWithStaff(draft, "draft", 0), null);

        ProblemAssertions.assertProblem(early, 409, "Registration not open yet");
        assertThat(early.body()).contains("opens on " + future.atZone(ZoneId.of("America/Los_Angeles"))
                .toLocalDate());
        ProblemAssertions.assertProblem(late, 409, "Registration closed");
        ProblemAssertions.assertProblem(drafted, 409, "Registration not open yet");
        assertThat(registrations.findAll()).noneMatch(registration -> List.of(notYet, closed, draft)
                .contains(registration.convoyId()));

        JsonNode open = json.readTree(Http.get(url("/api/registrations/convoys")).body());
        assertThat(open.findValuesAsString("id")).contains(notYet, TestConvoys.CALIFORNIA)
                .doesNotContain(closed, draft);
        JsonNode listed = StreamSupport.stream(open.spliterator(), false)
                .filter(convoy -> convoy.path("id").asString().equals(notYet)).findFirst().orElseThrow();
        assertThat(listed.path("registration").asString()).isEqualTo("NOT_YET_OPEN");
        assertThat(listed.path("year").asInt()).isEqualTo(2023);
        assertThat(listed.path("names").path("en").asString()).isEqualTo("Test convoy " + notYet);
        assertThat(listed.path("cities").get(0).asString()).isEqualTo("Los Angeles");
    }

    @Test
    void organizersApproveAndRejectInBulkAndEachDelegateKeepsAHistory() {
        String convoy = convoy(10, Map.of());
        JsonNode group = created(post("/api/registrations", mayorWithStaff(convoy, "ags", 1), null));
        UUID mayor = memberId(group, true);
        UUID staff = memberId(group, false);
        UUID stranger = UUID.randomUUID();

        JsonNode approvals = json.readTree(organizer("POST", "/api/registrations/approvals",
                "{\"delegateIds\":[\"" + mayor + "\",\"" + stranger + "\"]}").body());
        JsonNode rejections = json.readTree(organizer("POST", "/api/registrations/rejections",
                "{\"delegateIds\":[\"" + staff + "\"],\"reason\":\"Cupo de personal completo\"}").body());
        JsonNode approveRejected = json.readTree(organizer("POST", "/api/registrations/approvals",
                "{\"delegateIds\":[\"" + staff + "\"]}").body());

        assertThat(approvals.get(0).path("result").asString()).isEqualTo("DONE");
        assertThat(approvals.get(1).path("result").asString()).isEqualTo("NOT_FOUND");
        assertThat(rejections.get(0).path("result").asString()).isEqualTo("DONE");
        assertThat(approveRejected.get(0).path("result").asString()).isEqualTo("REFUSED");
        assertThat(statusesNow(group)).containsExactly("APPROVED", "REJECTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.recordsWithKey(mayor.toString()))
                .extracting(r -> EventProbe.header(r, EventHeaders.EVENT_TYPE))
                .containsExactly("DelegateRegistered", "RegistrationLinkIssued", "DelegateApproved"));
        JsonNode history = json.readTree(Http.get(url("/api/registrations/" + staff + "/history"), ORGANIZER).body());
        assertThat(history.path("changes").valueStream().map(c -> c.path("change").asString()))
                .containsExactly("RECEIVED", "SUBMITTED", "REJECTED");
        assertThat(history.path("changes").get(2).path("detail").asString()).isEqualTo("Cupo de personal completo");
    }

    @Test
    void organizersSearchWithFiltersAndPagesAndExportCsvThatKeepsAccents() {
        String convoy = convoy(20, Map.of());
        created(post("/api/registrations", mayorWithStaff(convoy, "mérida", 2), null));
        created(post("/api/registrations", mayorWithStaff(convoy, "oaxaca", 0)
                .replace("MX-JAL", "MX-OAX").replace("\"Gobierno", "\"=HYPERLINK(1)Gobierno"), null));

        JsonNode staffPage = json.readTree(Http.get(url("/api/registrations?convoyId=" + convoy
                + "&role=STAFF&size=1&page=1"), ORGANIZER).body());
        JsonNode oaxaca = json.readTree(Http.get(url("/api/registrations?convoyId=" + convoy + "&state=MX-OAX"),
                ORGANIZER).body());
        HttpResponse<byte[]> csv = Http.sendBytes(HttpRequest.newBuilder(
                URI.create(url("/api/registrations/export.csv?convoyId=" + convoy)))
                .header("Authorization", "Bearer " + ORGANIZER).GET());

        assertThat(staffPage.path("total").asInt()).isEqualTo(2);
        assertThat(staffPage.path("items")).hasSize(1);
        // The store orders and cuts the pages: by family name, then given name, whatever the case, and the pages
        // follow one another.
        JsonNode all = json.readTree(Http.get(url("/api/registrations?convoyId=" + convoy), ORGANIZER).body());
        List<String> names = all.path("items").valueStream().map(item -> item.path("familyName").asString()
                .toLowerCase(java.util.Locale.ROOT) + " " + item.path("givenName").asString()
                .toLowerCase(java.util.Locale.ROOT)).toList();
        assertThat(all.path("total").asInt()).isEqualTo(4);
        assertThat(names).hasSize(4).isSorted();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            json.readTree(Http.get(url("/api/registrations?convoyId=" + convoy + "&size=3&page=" + page), ORGANIZER)
                    .body()).path("items").valueStream().forEach(item -> paged.add(item.path("delegateId").asString()));
        }
        assertThat(paged).isEqualTo(all.path("items").valueStream().map(item -> item.path("delegateId").asString())
                .toList());
        assertThat(oaxaca.path("total").asInt()).isEqualTo(1);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/csv"));
        byte[] bytes = csv.body();
        assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(5);
        assertThat(text.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList())
                .as("the export in the list's order").isEqualTo(all.path("items").valueStream()
                        .map(item -> item.path("delegateId").asString()).toList());
        assertThat(text).contains("Hernández", "Gobierno Municipal de mérida", "'=HYPERLINK(1)Gobierno");
    }

    @Test
    void aDelegateReadsAndWithdrawsThroughTheLinkFromTheirEmailAndOnlyTheirOwn() {
        String convoy = convoy(10, Map.of());
        JsonNode group = created(post("/api/registrations", mayorWithStaff(convoy, "tepic", 1), null));
        UUID mayor = memberId(group, true);
        UUID staff = memberId(group, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.recordsWithKey(staff.toString()).size() == 2);
        String staffNonce = new EventCodec().read(events.recordsWithKey(staff.toString()).get(1).value(),
                RegistrationLinkIssued.class).linkNonce();
        HttpResponse<String> opened = post("/api/registrations/sessions", "{\"code\":\""
                + new LinkCodes(TestSecrets.LINK).code(staff, staffNonce) + "\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String staffToken = json.readTree(opened.body()).path("token").asString();
        String mayorToken = token(mayor);

        JsonNode mine = json.readTree(get("/api/registrations/self", staffToken).body());
        HttpResponse<String> staffWithdrawsMayor = post("/api/registrations/self/withdrawal",
                "{\"delegateIds\":[\"" + mayor + "\"]}", null, staffToken);
        HttpResponse<String> mayorWithdrawsStaff = post("/api/registrations/self/withdrawal",
                "{\"delegateIds\":[\"" + staff + "\"]}", null, mayorToken);

        assertThat(mine.path("delegateId").asString()).isEqualTo(staff.toString());
        assertThat(mine.path("group")).hasSize(1);
        assertThat(staffWithdrawsMayor.statusCode()).isEqualTo(404);
        assertThat(mayorWithdrawsStaff.statusCode()).isEqualTo(200);
        assertThat(statusesNow(group)).containsExactly("SUBMITTED", "WITHDRAWN");
        assertThat(json.readTree(get("/api/registrations/self", mayorToken).body()).path("group")).hasSize(2);
    }

    @Test
    void withoutAValidLinkSelfServiceIs401() {
        UUID someone = UUID.randomUUID();
        String token = token(someone);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        String otherDelegate = token.replace(someone.toString(), UUID.randomUUID().toString());

        assertThat(get("/api/registrations/self", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/registrations/self", "garbage").statusCode()).isEqualTo(401);
        assertThat(get("/api/registrations/self", tampered).statusCode()).isEqualTo(401);
        assertThat(get("/api/registrations/self", otherDelegate).statusCode()).isEqualTo(401);
        assertThat(get("/api/registrations/self", null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aLostLinkIsSentAgainWithoutRevealingWhoIsRegistered() {
        String convoy = convoy(10, Map.of());
        JsonNode group = created(post("/api/registrations", mayorWithStaff(convoy, "celaya", 0), null));
        UUID mayor = memberId(group, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.recordsWithKey(mayor.toString()).size() == 2);

        HttpResponse<String> known = post("/api/registrations/link-requests",
                "{\"convoyId\":\"" + convoy + "\",\"email\":\"MAYOR.celaya@example.org\"}", null);
        HttpResponse<String> unknown = post("/api/registrations/link-requests",
                "{\"convoyId\":\"" + convoy + "\",\"email\":\"nobody@example.org\"}", null);

        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        await().atMost(Duration.ofSeconds(20)).until(() -> events.recordsWithKey(mayor.toString()).size() == 3);
        RegistrationLinkIssued again = new EventCodec().read(events.recordsWithKey(mayor.toString()).get(2).value(),
                RegistrationLinkIssued.class);
        assertThat(again.reason()).isEqualTo(RegistrationLinkIssued.REQUESTED);
    }

    @Test
    void aSubmissionInterruptedBeforeItsPlaceWasDecidedIsFinishedBySettling() {
        String convoy = convoy(10, Map.of());
        Registration interrupted = Registration.receive(convoy,
                new org.convoy.events.DelegateProfile("Iris", "Vega", "iris." + UUID.randomUUID() + "@example.org", null,
                        "es", "BUSINESS_DELEGATE", "MX-NLE", null, "Vega Textiles", null, List.of(), List.of(),
                        java.util.Set.of("EMAIL")),
                List.of(), new PrivacyConsent("2023-01", Instant.now()), Instant.now().minusSeconds(60), null, "x");
        registrations.insert(interrupted);

        lifecycle.settle();

        Registration settled = registrations.findById(interrupted.id()).orElseThrow();
        assertThat(settled.lead().status()).isEqualTo(RegistrationStatus.SUBMITTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.recordsWithKey(interrupted.id().toString()).size() == 2);
    }

    @Test
    void aNewOrganizationSendsAnApprovedDelegateBackToReviewWhileANewPhoneDoesNot() {
        String convoy = convoy(10, Map.of());
        UUID mayor = memberId(created(post("/api/registrations", mayorWithStaff(convoy, "uruapan", 0), null)), true);
        lifecycle.approve(mayor, "organizer");
        String token = token(mayor);
        String change = """
                {"givenName":"María","familyName":"Hernández","phone":"443 123 4567","preferredLanguage":"es",
                 "organization":"Gobierno Municipal de uruapan","position":"Presidenta Municipal",
                 "channels":["EMAIL","SMS"]}""";

        JsonNode phoneOnly = json.readTree(send("PUT", "/api/registrations/self", change, token).body());
        JsonNode newOrganization = json.readTree(send("PUT", "/api/registrations/self",
                change.replace("Gobierno Municipal de uruapan", "Asociación de Municipios de Michoacán"), token).body());
        HttpResponse<String> smsWithoutPhone = send("PUT", "/api/registrations/self",
                change.replace("\"443 123 4567\"", "null"), token);
        HttpResponse<String> whatsAppWithoutPhone = send("PUT", "/api/registrations/self",
                change.replace("\"443 123 4567\"", "null").replace("[\"EMAIL\",\"SMS\"]", "[\"WHATSAPP\"]"), token);
        HttpResponse<String> emailChange = send("PUT", "/api/registrations/self",
                change.replace("\"givenName\"", "\"email\":\"x@example.org\",\"givenName\""), token);

        assertThat(phoneOnly.path("status").asString()).isEqualTo("APPROVED");
        assertThat(phoneOnly.path("profile").path("phone").asString()).isEqualTo("+524431234567");
        assertThat(newOrganization.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(smsWithoutPhone.statusCode()).isEqualTo(400);
        assertThat(smsWithoutPhone.body()).contains("\"field\":\"phone\"");
        assertThat(whatsAppWithoutPhone.statusCode()).isEqualTo(400);
        assertThat(whatsAppWithoutPhone.body()).contains("\"field\":\"phone\"")
                .contains("is required to receive SMS or WhatsApp messages");
        assertThat(emailChange.statusCode()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.recordsWithKey(mayor.toString()))
                .extracting(r -> EventProbe.header(r, EventHeaders.EVENT_TYPE))
                .containsExactly("DelegateRegistered", "RegistrationLinkIssued", "DelegateApproved", "DelegateUpdated",
                        "DelegateUpdated"));
        var updates = events.recordsWithKey(mayor.toString()).subList(3, 5).stream()
                .map(r -> new EventCodec().read(r.value(), org.convoy.events.DelegateUpdated.class)).toList();
        assertThat(updates).extracting(org.convoy.events.DelegateUpdated::reviewRequired).containsExactly(false, true);
        JsonNode history = json.readTree(Http.get(url("/api/registrations/" + mayor + "/history"), ORGANIZER).body());
        assertThat(history.path("changes").valueStream().map(c -> c.path("change").asString()))
                .containsExactly("RECEIVED", "SUBMITTED", "APPROVED", "UPDATED", "UPDATED_BACK_TO_REVIEW");
    }

    @Test
    void aLeadEditsACompanionButACompanionCannotEditTheLead() {
        String convoy = convoy(10, Map.of());
        JsonNode group = created(post("/api/registrations", mayorWithStaff(convoy, "chapala", 1), null));
        UUID mayor = memberId(group, true);
        UUID staff = memberId(group, false);
        String change = """
                {"givenName":"Pablo","familyName":"Ortiz","preferredLanguage":"en",
                 "organization":"Gobierno Municipal de chapala","position":"Jefe de Gabinete","channels":["EMAIL"]}""";

        HttpResponse<String> byLead = send("PUT", "/api/registrations/self/group/" + staff, change, token(mayor));
        HttpResponse<String> byCompanion = send("PUT", "/api/registrations/self/group/" + mayor, change, token(staff));

        assertThat(byLead.statusCode()).as(byLead.body()).isEqualTo(200);
        assertThat(json.readTree(byLead.body()).path("profile").path("position").asString()).isEqualTo("Jefe de Gabinete");
        assertThat(byCompanion.statusCode()).isEqualTo(404);
        assertThat(registrations.findById(mayor).orElseThrow().member(mayor).profile().givenName()).isEqualTo("María");
        JsonNode history = json.readTree(Http.get(url("/api/registrations/" + staff + "/history"), ORGANIZER).body());
        assertThat(history.path("changes").get(2).path("by").asString()).isEqualTo("group lead");
    }

    @Test
    void erasingADelegateRemovesTheirPersonalDataFreesTheirPlaceAndTellsEveryService() {
        String convoy = convoy(1, Map.of());
        JsonNode first = created(post("/api/registrations", mayorWithStaff(convoy, "sayula", 0), null));
        JsonNode waiting = created(post("/api/registrations", mayorWithStaff(convoy, "ameca", 0), null));
        UUID erased = memberId(first, true);
        String token = token(erased);

        HttpResponse<String> erasure = Http.send("DELETE", url("/api/registrations/" + erased), null, TestTokens.admin());

        assertThat(erasure.statusCode()).isEqualTo(204);
        assertThat(Http.get(url("/api/registrations/" + erased), ORGANIZER).statusCode()).isEqualTo(404);
        assertThat(get("/api/registrations/self", token).statusCode()).isEqualTo(404);
        var member = registrations.findById(erased).orElseThrow().member(erased);
        assertThat(member.profile().email()).isNull();
        assertThat(member.profile().givenName()).isEqualTo("—");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                mongo.findById(erased, org.bson.Document.class, Registration.COLLECTION).toJson())
                .doesNotContain("sayula").doesNotContain("Hernández"));
        assertThat(Http.get(url("/api/registrations/export.csv?convoyId=" + convoy), ORGANIZER).body())
                .doesNotContain("sayula");
        assertThat(statusesNow(waiting)).containsOnly("SUBMITTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.recordsWithKey(erased.toString()))
                .extracting(r -> EventProbe.header(r, EventHeaders.EVENT_TYPE)).contains("DelegateErased"));
        // Her profile, sealed in the events already on the broker, now opens with no key anyone holds.
        assertThat(member.dataKey()).isNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sealed.keyEvents(erased))
                .containsExactly("DelegateKeyShared", "DelegateKeyDestroyed"));
    }

    @Test
    void aConvoyIsErasedOnlyAfterItsRetentionDate() {
        String kept = convoy(10, Map.of(), LocalDate.now().plusDays(30));
        String expired = convoy(10, Map.of(), LocalDate.now().minusDays(1));
        created(post("/api/registrations", mayorWithStaff(kept, "jalpa", 1), null));
        created(post("/api/registrations", mayorWithStaff(expired, "jalpa", 1), null));

        HttpResponse<String> tooEarly = Http.postJson(url("/api/registrations/erasures"), "{\"convoyId\":\"" + kept + "\"}",
                TestTokens.admin());
        HttpResponse<String> due = Http.postJson(url("/api/registrations/erasures"), "{\"convoyId\":\"" + expired + "\"}",
                TestTokens.admin());

        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(due.statusCode()).isEqualTo(200);
        assertThat(json.readTree(due.body()).path("erased").asInt()).isEqualTo(2);
        assertThat(json.readTree(Http.get(url("/api/registrations?convoyId=" + expired), ORGANIZER).body())
                .path("total").asInt())
                .isZero();
        assertThat(json.readTree(Http.get(url("/api/registrations?convoyId=" + kept), ORGANIZER).body())
                .path("total").asInt())
                .isEqualTo(2);
    }

    private String convoy(int capacity, Map<String, Integer> byRole) {
        return convoy(capacity, byRole, LocalDate.of(2024, 3, 3));
    }

    private String convoy(int capacity, Map<String, Integer> byRole, LocalDate retainUntil) {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        convoys.publish(TestConvoys.publication(id, 0, "OPEN", TestConvoys.ALWAYS_OPEN, capacity, byRole, retainUntil));
        return id;
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header(SelfServiceLinks.HEADER, token);
        }
        return Http.send(request);
    }

    private static String mayorWithStaff(String convoy, String town, int staff) {
        StringBuilder companions = new StringBuilder();
        for (int i = 0; i < staff; i++) {
            companions.append(i == 0 ? "" : ",").append("""
                    {"givenName":"Pablo %d","familyName":"Ortiz","email":"staff%d.%s@example.org",
                     "preferredLanguage":"es","role":"STAFF","position":"Asesor","channels":["EMAIL"]}""".formatted(i, i, town));
        }
        return """
                {"convoyId":"%s","givenName":"María","familyName":"Hernández","email":"mayor.%s@example.org",
                 "preferredLanguage":"es","role":"MAYOR","state":"MX-JAL","organization":"Gobierno Municipal de %s",
                 "position":"Presidenta Municipal","channels":["EMAIL"],"privacyConsent":true,"companions":[%s]}"""
                .formatted(convoy, town, town, companions);
    }

    private JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private static List<String> statuses(JsonNode submission) {
        return submission.path("members").valueStream().map(m -> m.path("status").asString()).toList();
    }

    private List<String> statusesNow(JsonNode submission) {
        UUID id = UUID.fromString(submission.path("id").asString());
        return registrations.findById(id).orElseThrow().members().stream().map(m -> m.status().name()).toList();
    }

    private static UUID memberId(JsonNode submission, boolean lead) {
        return submission.path("members").valueStream().filter(m -> m.path("lead").asBoolean() == lead)
                .map(m -> UUID.fromString(m.path("delegateId").asString())).findFirst().orElseThrow();
    }

    private String token(UUID delegateId) {
        return links.session(delegateId).token();
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) {
        return post(path, body, idempotencyKey, null);
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null) {
            request.header(SelfServiceLinks.HEADER, token);
        }
        return Http.send(request);
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (token != null) {
            request.header(SelfServiceLinks.HEADER, token);
        }
        return Http.send(request);
    }

    private HttpResponse<String> organizer(String method, String path, String body) {
        return Http.send(method, url(path), body, ORGANIZER);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
