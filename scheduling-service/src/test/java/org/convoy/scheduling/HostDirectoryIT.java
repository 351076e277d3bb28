package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.host.HostSeed;
import org.convoy.scheduling.host.domain.DirectoryHost;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.HostDirectoryRepository;
import org.convoy.scheduling.host.domain.HostRepository;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.TokenChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The host directory: organizers keep host organizations, their contacts and a venue per city from one convoy to the
 * next; a host of the directory takes part in a convoy with what the directory says of it; the convoys' own host
 * catalogues keep the directory in step; bad input is refused naming the field, and nothing is stored.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostDirectoryIT {

    static final String TOKEN = TestTokens.organizer();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** California 2023 is in San Francisco on its last day. */
    static final String SAN_FRANCISCO_DAY = """
            {"availability": [{"startsAt": "2023-03-03T09:00:00-08:00", "endsAt": "2023-03-03T17:00:00-08:00"}]}""";

    @Autowired
    HostDirectoryRepository directory;

    @Autowired
    HostRepository hosts;

    @Autowired
    HostSeed seed;

    @LocalServerPort
    int port;

    @Test
    void theSeedHostsAreInTheDirectorySortedByOrganizationAndFoundByCity() {
        JsonNode all = json(Http.get(directoryBase(), TOKEN));
        JsonNode inSanFrancisco = json(Http.get(directoryBase() + "?city=SAN_FRANCISCO", TOKEN));

        assertThat(all.findValuesAsString("hostId")).contains("disney", "netflix", "nasdaq", "consulado-los-angeles");
        List<String> organizations = all.findValuesAsString("organization");
        assertThat(organizations).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        JsonNode disney = json(Http.get(directoryBase() + "/disney", TOKEN));
        assertThat(disney.get("organization").asString()).isEqualTo("The Walt Disney Company");
        assertThat(disney.get("venues").get(0).get("city").asString()).isEqualTo("LOS_ANGELES");
        assertThat(disney.get("venues").get(0).get("roomCapacity").asInt()).isEqualTo(30);
        assertThat(disney.get("sectors").toString()).contains("CINEMATOGRAPHY");
        assertThat(inSanFrancisco.findValuesAsString("hostId")).contains("nasdaq", "uber", "bayer")
                .doesNotContain("disney", "netflix");
        assertThat(inSanFrancisco.findValuesAsString("organization")).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void organizersAddReadChangeAndRemoveAHostWithoutOverwritingAnotherOrganizersChangeOrLoggingContacts(CapturedOutput output) {
        String id = "d-" + suffix();
        ObjectNode host = directoryHost(id);

        HttpResponse<String> added = Http.postJson(directoryBase(), host.toString(), TOKEN);
        HttpResponse<String> again = Http.postJson(directoryBase(), host.toString(), TOKEN);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).contains("/api/scheduling/hosts/" + id);
        assertProblem(again, 409, null);
        JsonNode read = json(Http.get(directoryBase() + "/" + id, TOKEN));
        assertThat(read.get("organization").asString()).isEqualTo("Port of Houston " + id);
        assertThat(read.get("contacts").get(0).get("email").asString()).isEqualTo("ana-" + id + "@example.com");
        assertThat(read.get("contacts").get(0).get("phone").asString()).isEqualTo("+17135550100");
        assertThat(read.get("contacts").get(0).get("language").asString()).isEqualTo("es");
        assertThat(read.get("venues").findValuesAsString("city")).containsExactly("HOUSTON", "SAN_FRANCISCO");
        assertThat(json(Http.get(directoryBase() + "?city=HOUSTON", TOKEN)).findValuesAsString("hostId")).contains(id);

        ObjectNode changed = host.deepCopy();
        changed.remove("hostId");
        changed.put("organization", "Port Houston " + id).put("version", json(added).get("version").asLong());
        ((ArrayNode) changed.get("contacts")).add(JSON.readTree("""
                {"name": "Bob Lee", "email": "bob-%s@example.com", "language": "en"}""".formatted(id)));
        ((ArrayNode) changed.get("venues")).remove(1);
        HttpResponse<String> put = Http.send("PUT", directoryBase() + "/" + id, changed.toString(), TOKEN);
        HttpResponse<String> otherId = Http.send("PUT", directoryBase() + "/" + id,
                host.deepCopy().put("hostId", "another-" + id).toString(), TOKEN);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("organization").asString()).isEqualTo("Port Houston " + id);
        assertThat(json(put).get("contacts").findValuesAsString("name")).containsExactly("Ana Ruiz", "Bob Lee");
        assertThat(json(put).get("contacts").get(1).get("phone").isNull()).isTrue();
        assertThat(json(put).get("venues").findValuesAsString("city")).containsExactly("HOUSTON");
        assertThat(json(put).get("version").asLong()).isGreaterThan(json(added).get("version").asLong());
        assertProblem(otherId, 400, "hostId");
        HttpResponse<String> stale = Http.send("PUT", directoryBase() + "/" + id,
                changed.deepCopy().put("organization", "Stale " + id).toString(), TOKEN);
        assertProblem(stale, 409, null);
        assertThat(stale.body()).contains("changed meanwhile");
        assertThat(directory.findById(id).orElseThrow().organization()).isEqualTo("Port Houston " + id);
        assertThat(Http.send("DELETE", directoryBase() + "/" + id, null, TOKEN).statusCode()).isEqualTo(204);
        assertProblem(Http.get(directoryBase() + "/" + id, TOKEN), 404, null);
        assertProblem(Http.send("PUT", directoryBase() + "/" + id, changed.toString(), TOKEN), 404, null);
        assertThat(output.getAll()).as("contacts are personal data").doesNotContain("@example.com", "+1713555");
    }

    @Test
    void theDirectoryIsForOrganizersOnly() {
        TokenChecks.assertOrganizersOnly(directoryBase());
        TokenChecks.assertOrganizersOnly(directoryBase() + "/disney");
    }

    @Test
    void anOrganizerLimitedToSomeConvoysReadsTheDirectoryButDoesNotChangeIt() {
        String scoped = TestTokens.scoped("lucia.ramos", List.of("california-2023"));

        assertThat(Http.get(directoryBase() + "/disney", scoped).statusCode()).isEqualTo(200);
        assertThat(Http.send("DELETE", directoryBase() + "/disney", null, scoped).statusCode()).isEqualTo(403);
        assertThat(Http.get(directoryBase() + "/disney", TOKEN).statusCode()).as("still there").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an email that is not one | contacts[0].email | ana.example.com",
            "a phone that is not E.164 | contacts[0].phone | 713 555 0100",
            "a language we do not write in | contacts[0].language | fr",
            "a contact without a name | contacts[0].name | ' '",
            "a name with a control character | contacts[0].name | Ana\u0007Ruiz",
            "two venues in one city | venues[1].city | HOUSTON",
            "a city that is not a city code | venues[1].city | San Francisco",
            "a room for nobody | venues[0].roomCapacity | 0",
            "a venue without an address | venues[0].address | ''",
            "no organization | organization | ''",
            "an id that is not an id | hostId | Port Houston",
            "a sector that does not exist | sectors[0] | SPACE",
            "a field the directory does not take | convoyId | california-2023" })
    void refusesABadHostNamingTheFieldAndStoresNothing(String why, String field, String value) {
        String id = "bad-" + suffix();
        ObjectNode bad = directoryHost(id);
        ObjectNode contact = (ObjectNode) bad.get("contacts").get(0);
        switch (why) {
            case "an email that is not one" -> contact.put("email", value);
            case "a phone that is not E.164" -> contact.put("phone", value);
            case "a language we do not write in" -> contact.put("language", value);
            case "a contact without a name", "a name with a control character" -> contact.put("name", value);
            case "two venues in one city", "a city that is not a city code" ->
                    ((ObjectNode) bad.get("venues").get(1)).put("city", value);
            case "a room for nobody" -> ((ObjectNode) bad.get("venues").get(0)).put("roomCapacity", Integer.parseInt(value));
            case "a venue without an address" -> ((ObjectNode) bad.get("venues").get(0)).put("address", value);
            case "no organization" -> bad.put("organization", value);
            case "an id that is not an id" -> bad.put("hostId", value);
            case "a sector that does not exist" -> ((ArrayNode) bad.get("sectors")).set(0, value);
            case "a field the directory does not take" -> bad.put("convoyId", value);
            default -> throw new IllegalArgumentException(why);
        }

        HttpResponse<String> refused = Http.postJson(directoryBase(), bad.toString(), TOKEN);

        assertProblem(refused, 400, field);
        assertThat(directory.existsById(id)).as("nothing stored").isFalse();
        assertThat(directory.findAll()).extracting(DirectoryHost::organization).doesNotContain("Port of Houston " + id);
    }

    @Test
    void aBadChangeIsRefusedAndTheHostStaysAsItWas() {
        String id = "d-" + suffix();
        assertThat(Http.postJson(directoryBase(), directoryHost(id).toString(), TOKEN).statusCode()).isEqualTo(201);
        ObjectNode bad = directoryHost(id);
        ((ObjectNode) bad.get("contacts").get(0)).put("email", "not-an-email");
        bad.put("organization", "Renamed " + id);

        assertProblem(Http.send("PUT", directoryBase() + "/" + id, bad.toString(), TOKEN), 400, "contacts[0].email");
        assertThat(directory.findById(id)).hasValueSatisfying(stored -> {
            assertThat(stored.organization()).isEqualTo("Port of Houston " + id);
            assertThat(stored.contacts()).extracting(DirectoryHost.Contact::email).containsExactly("ana-" + id + "@example.com");
        });
    }

    @Test
    void aHostOfTheDirectoryTakesPartInAConvoyWithItsVenueThereAndCannotBeRemovedMeanwhile() {
        String id = "d-" + suffix();
        assertThat(Http.postJson(directoryBase(), directoryHost(id).toString(), TOKEN).statusCode()).isEqualTo(201);

        // Houston is not a city of California 2023, so San Francisco is the one venue there: no need to name it.
        HttpResponse<String> joined = Http.postJson(participation("california-2023", id), SAN_FRANCISCO_DAY, TOKEN);
        HttpResponse<String> twice = Http.postJson(participation("california-2023", id), SAN_FRANCISCO_DAY, TOKEN);
        HttpResponse<String> removedWhileTakingPart = Http.send("DELETE", directoryBase() + "/" + id, null, TOKEN);

        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        assertThat(joined.headers().firstValue("Location"))
                .contains("/api/scheduling/convoys/california-2023/hosts/" + id);
        JsonNode host = json(joined);
        assertThat(host.get("name").asString()).isEqualTo("Port of Houston " + id);
        assertThat(host.get("venue").get("city").asString()).isEqualTo("SAN_FRANCISCO");
        assertThat(host.get("venue").get("name").asString()).isEqualTo("Bay office");
        assertThat(host.get("venue").get("roomCapacity").asInt()).isEqualTo(12);
        assertThat(host.get("sectors").toString()).contains("AGRIBUSINESS");
        assertThat(host.get("axes").toString()).contains("ECONOMIC");
        assertThat(host.get("availability").get(0).get("startsAt").asString()).isEqualTo("2023-03-03T09:00:00-08:00");
        assertThat(json(Http.get(convoyHosts("california-2023") + "/" + id, TOKEN)).get("venue").get("address")
                .asString()).isEqualTo("1 Market St, San Francisco, CA 94105");
        assertProblem(twice, 409, null);
        assertProblem(removedWhileTakingPart, 409, null);
        assertThat(directory.existsById(id)).isTrue();

        assertThat(Http.send("DELETE", convoyHosts("california-2023") + "/" + id, null, TOKEN).statusCode())
                .isEqualTo(204);
        assertThat(Http.send("DELETE", directoryBase() + "/" + id, null, TOKEN).statusCode()).isEqualTo(204);
        assertThat(directory.existsById(id)).isFalse();
    }

    @Test
    void takingPartIsRefusedWithoutAVenueInTheConvoysCitiesOrWithBadHoursAndStoresNothing() {
        String onlyHouston = "d-" + suffix();
        ObjectNode houston = directoryHost(onlyHouston);
        ((ArrayNode) houston.get("venues")).remove(1);
        String twoCities = "d-" + suffix();
        ObjectNode both = directoryHost(twoCities);
        ((ObjectNode) both.get("venues").get(0)).put("city", "LOS_ANGELES");
        assertThat(Http.postJson(directoryBase(), houston.toString(), TOKEN).statusCode()).isEqualTo(201);
        assertThat(Http.postJson(directoryBase(), both.toString(), TOKEN).statusCode()).isEqualTo(201);
        String withCity = """
                {"city": "%s", "availability": [{"startsAt": "2023-03-03T09:00:00-08:00",
                 "endsAt": "2023-03-03T17:00:00-08:00"}]}""";

        assertProblem(Http.postJson(participation("california-2023", onlyHouston), SAN_FRANCISCO_DAY, TOKEN), 400, "city");
        assertProblem(Http.postJson(participation("california-2023", onlyHouston), withCity.formatted("HOUSTON"), TOKEN),
                400, "city");
        assertProblem(Http.postJson(participation("california-2023", twoCities), SAN_FRANCISCO_DAY, TOKEN), 400, "city");
        assertProblem(Http.postJson(participation("california-2023", twoCities), withCity.formatted("SAN_JOSE"), TOKEN),
                400, "city");
        assertProblem(Http.postJson(participation("california-2023", twoCities), withCity.formatted("san francisco"),
                TOKEN), 400, "city");
        assertProblem(Http.postJson(participation("california-2023", twoCities), withCity.formatted("SAN_FRANCISCO")
                .replace("17:00", "08:00"), TOKEN), 400, "availability[0].endsAt");
        assertProblem(Http.postJson(participation("california-2023", twoCities), withCity.formatted("SAN_FRANCISCO")
                .replace("2023-03-03", "2023-03-04"), TOKEN), 400, "availability[0]");
        assertProblem(Http.postJson(participation("california-2023", twoCities), withCity.formatted("SAN_FRANCISCO")
                .replace("\"city\"", "\"room\": 3, \"city\""), TOKEN), 400, "room");
        assertProblem(Http.postJson(participation("california-2023", "no-such-" + suffix()), SAN_FRANCISCO_DAY, TOKEN),
                404, null);
        assertProblem(Http.postJson(participation("no-such-convoy", twoCities), SAN_FRANCISCO_DAY, TOKEN), 404, null);
        assertThat(hosts.existsByHostId(onlyHouston)).as("nothing stored").isFalse();
        assertThat(hosts.existsByHostId(twoCities)).as("nothing stored").isFalse();

        HttpResponse<String> chosen = Http.postJson(participation("california-2023", twoCities),
                withCity.formatted("SAN_FRANCISCO"), TOKEN);
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(201);
        assertThat(json(chosen).get("venue").get("city").asString()).isEqualTo("SAN_FRANCISCO");
    }

    @Test
    void theConvoysHostCatalogueKeepsTheDirectoryInStep() {
        String id = "d-" + suffix();
        ObjectNode listed = directoryHost(id);
        ((ArrayNode) listed.get("venues")).remove(1);
        assertThat(Http.postJson(directoryBase(), listed.toString(), TOKEN).statusCode()).isEqualTo(201);
        String host = SchedulingFixture.hostJson(id, "SAN_FRANCISCO", 12, "1 Market St, San Francisco, CA 94105");

        HttpResponse<String> added = Http.postJson(convoyHosts("california-2023"), host, TOKEN);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        DirectoryHost afterAdding = directory.findById(id).orElseThrow();
        assertThat(afterAdding.organization()).isEqualTo("Host " + id);
        assertThat(afterAdding.sectors()).containsExactly(Sector.CINEMATOGRAPHY);
        assertThat(afterAdding.axes()).containsExactly(Axis.CREATIVE_INDUSTRIES);
        assertThat(afterAdding.venues()).extracting(DirectoryHost.Venue::city).containsExactly("HOUSTON", "SAN_FRANCISCO");
        assertThat(afterAdding.venueIn("SAN_FRANCISCO")).hasValueSatisfying(venue -> {
            assertThat(venue.name()).isEqualTo("Venue " + id);
            assertThat(venue.roomCapacity()).isEqualTo(12);
        });
        assertThat(afterAdding.contacts()).as("contacts untouched").extracting(DirectoryHost.Contact::name)
                .containsExactly("Ana Ruiz");

        HttpResponse<String> changed = Http.send("PUT", convoyHosts("california-2023") + "/" + id,
                host.replace("\"roomCapacity\": 12", "\"roomCapacity\": 40"), TOKEN);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        DirectoryHost afterChanging = directory.findById(id).orElseThrow();
        assertThat(afterChanging.venueIn("SAN_FRANCISCO").orElseThrow().roomCapacity()).isEqualTo(40);
        assertThat(afterChanging.venueIn("HOUSTON")).isPresent();
        assertThat(afterChanging.contacts()).hasSize(1);

        String newcomer = "t-" + suffix();
        assertThat(Http.postJson(convoyHosts("california-2023"), SchedulingFixture.hostJson(newcomer, "LOS_ANGELES", 8,
                "Somewhere 1, Los Angeles"), TOKEN).statusCode()).isEqualTo(201);
        JsonNode listedNewcomer = json(Http.get(directoryBase() + "/" + newcomer, TOKEN));
        assertThat(listedNewcomer.get("organization").asString()).isEqualTo("Host " + newcomer);
        assertThat(listedNewcomer.get("contacts").size()).isZero();
        assertThat(listedNewcomer.get("venues").get(0).get("city").asString()).isEqualTo("LOS_ANGELES");
    }

    @Test
    void aConvoysHostStoredBeforeTheDirectoryExistedGetsAnEntryAtStart() {
        String id = "old-" + suffix();
        Host older = hosts.insert(Host.of("california-2023", id, "Older Host " + id,
                new Host.Venue("Old venue", "2 Old St, San José", "SAN_JOSE", 9), List.of(Sector.FINTECH),
                List.of(Axis.ECONOMIC), List.of()));
        hosts.insert(Host.of("california-2027", id, "Older Host " + id,
                new Host.Venue("Old venue", "3 Old St, San Francisco", "SAN_FRANCISCO", 11), List.of(Sector.FINTECH),
                List.of(Axis.ECONOMIC), List.of()));
        assertThat(directory.existsById(id)).isFalse();

        seed.load();

        DirectoryHost entry = directory.findById(id).orElseThrow();
        assertThat(entry.organization()).isEqualTo(older.name());
        assertThat(entry.venues()).extracting(DirectoryHost.Venue::city).containsExactly("SAN_FRANCISCO", "SAN_JOSE");
        assertThat(entry.contacts()).isEmpty();
        seed.load();
        assertThat(directory.findById(id)).hasValueSatisfying(again -> assertThat(again.version()).isEqualTo(entry.version()));
    }

    /** Port of Houston with a contact and venues in Houston and San Francisco. */
    private static ObjectNode directoryHost(String id) {
        return (ObjectNode) JSON.readTree("""
                {"hostId": "%s", "organization": "Port of Houston %s",
                 "contacts": [{"name": "Ana Ruiz", "email": "ana-%s@example.com", "phone": "+17135550100",
                               "language": "es"}],
                 "venues": [{"city": "HOUSTON", "name": "Port offices", "address": "111 East Loop N, Houston, TX 77029",
                             "roomCapacity": 25},
                            {"city": "SAN_FRANCISCO", "name": "Bay office", "address": "1 Market St, San Francisco, CA 94105",
                             "roomCapacity": 12}],
                 "sectors": ["AGRIBUSINESS"], "axes": ["ECONOMIC"]}""".formatted(id, id, id));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        if (field != null) {
            List<String> fields = new ArrayList<>();
            json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).as(response.body()).contains(field);
        }
    }

    private String directoryBase() {
        return "http://localhost:" + port + "/api/scheduling/hosts";
    }

    private String convoyHosts(String convoyId) {
        return "http://localhost:" + port + "/api/scheduling/convoys/" + convoyId + "/hosts";
    }

    private String participation(String convoyId, String hostId) {
        return convoyHosts(convoyId) + "/" + hostId + "/participation";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
