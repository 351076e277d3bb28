package org.convoy.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scheduling phase of {@code ./bench.sh}: a convoy of national size, planned the way organizers plan one. It opens
 * its own convoy (a copy of California 2023 with places for every delegate it registers), adds hosts from the
 * directory in each city, registers and approves the delegates, drafts every day with the day planner, confirms
 * every draft, moves some of the confirmed meetings and reads the agendas, straight to the services with an
 * organizer's token.
 */
final class PlanningBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONVOY = "bench-plan";
    private static final List<String> CITIES = List.of("LOS_ANGELES", "SAN_JOSE", "SAN_FRANCISCO");
    private static final String[] SECTORS = { "FINTECH", "AUTOMOTIVE", "BIOMEDICAL", "CINEMATOGRAPHY",
            "DIASPORA_LINKS", "AGRIBUSINESS", "TOURISM", "OTHER" };
    private static final String[] AXES = { "ECONOMIC", "COMMUNITIES", "CREATIVE_INDUSTRIES", "DIPLOMACY" };
    /** Organizers confirming side by side. */
    private static final int ORGANIZERS = 4;

    private final Bench bench;
    private final Bench.Figures figures;
    private final HttpClient http;
    private final String gateway;
    private final String registration;
    private final String scheduling;
    private final int delegates;
    private final int hostsPerCity;
    private final int meetingsPerHost;
    private final int reads;
    private final Path report;
    private String token;

    PlanningBench(Bench bench, Bench.Figures figures, HttpClient http, String gateway, String registration,
            String scheduling, Bench.Settings settings) {
        this.bench = bench;
        this.figures = figures;
        this.http = http;
        this.gateway = gateway;
        this.registration = registration;
        this.scheduling = scheduling + "api/scheduling/convoys/" + CONVOY + "/";
        this.delegates = settings.planningDelegates();
        this.hostsPerCity = settings.planningHosts();
        this.meetingsPerHost = settings.smoke() ? 2 : 8;
        this.reads = settings.smoke() ? 50 : 500;
        this.report = settings.report();
    }

    void run() throws Exception {
        token = bench.login(gateway);
        Bench.say("Scheduling: a convoy with " + delegates + " delegates and " + hostsPerCity + " hosts in each of "
                + CITIES.size() + " cities");
        ConvoyCopy convoy = ConvoyCopy.openCopyOfCalifornia(gateway, token, CONVOY,
                "{\"BUSINESS_DELEGATE\": " + delegates + "}");
        addHosts(convoy);
        List<String> ids = registerAndApprove();
        awaitApproved(ids.size());

        List<JsonNode> drafts = new ArrayList<>();
        for (String day : List.of("2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02", "2023-03-03")) {
            drafts.addAll(draftDay(convoy.day(day)));
        }
        List<JsonNode> confirmed = confirm(drafts);
        move(confirmed);
        read(convoy, confirmed, ids);
    }

    private void addHosts(ConvoyCopy convoy) throws Exception {
        token = bench.login(gateway);
        for (String city : CITIES) {
            List<String[]> days = switch (city) {
                case "LOS_ANGELES" -> List.of(new String[] { "2023-02-27" }, new String[] { "2023-02-28" },
                        new String[] { "2023-03-01" });
                case "SAN_JOSE" -> List.of(new String[] { "2023-03-01" }, new String[] { "2023-03-02" });
                default -> List.<String[]>of(new String[] { "2023-03-03" });
            };
            for (int i = 1; i <= hostsPerCity; i++) {
                String hostId = "bench-" + city.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + i;
                ObjectNode host = JSON.createObjectNode().put("hostId", hostId)
                        .put("organization", "Host " + i + " of " + city);
                host.putArray("contacts");
                host.putArray("venues").addObject().put("city", city).put("name", "Venue " + i)
                        .put("address", i + " Main Street").put("roomCapacity", 20);
                host.putArray("sectors").add(SECTORS[i % SECTORS.length]).add(SECTORS[(i * 3 + 1) % SECTORS.length]);
                host.putArray("axes").add(AXES[i % AXES.length]);
                Answers.expect(send("POST", gateway + "api/scheduling/hosts", host.toString()), 201);
                ObjectNode participation = JSON.createObjectNode();
                ArrayNode windows = participation.putArray("availability");
                for (String[] day : days) {
                    windows.addObject().put("startsAt", convoy.at(day[0] + "T09:00"))
                            .put("endsAt", convoy.at(day[0] + "T18:00"));
                }
                Answers.expect(send("POST", gateway + "api/scheduling/convoys/" + CONVOY + "/hosts/" + hostId
                        + "/participation", participation.toString()), 200, 201);
            }
        }
    }

    private List<String> registerAndApprove() throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Bench.Calls calls = bench.closedLoop(delegates, 8, i -> {
            String body = """
                    {"convoyId":"%s","givenName":"Delegada","familyName":"Número %d","email":"bench-plan-%d@bench.example",
                     "preferredLanguage":"es","role":"BUSINESS_DELEGATE","state":"MX-JAL","municipality":"Zapopan",
                     "organization":"Empresa %d","position":"Directora","sectors":["%s","%s"],
                     "axes":["%s"],"channels":["EMAIL"],"privacyConsent":true}""".formatted(CONVOY, i, i, i,
                    SECTORS[i % SECTORS.length], SECTORS[(i * 5 + 2) % SECTORS.length], AXES[(i / 3) % AXES.length]);
            try {
                HttpResponse<String> answer = send("POST", registration + "api/registrations", body, null);
                if (answer.statusCode() == 201) {
                    ids.add(JSON.readTree(answer.body()).path("members").path(0).path("delegateId").asString());
                }
                return answer.statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        });
        if (ids.size() < delegates) {
            throw new PlatformException("Only " + ids.size() + " of " + delegates + " registered ("
                    + calls.count(s -> s != 201) + " refused)");
        }
        token = bench.login(gateway);
        for (int from = 0; from < ids.size(); from += 500) {
            ArrayNode chunk = JSON.createArrayNode();
            ids.subList(from, Math.min(ids.size(), from + 500)).forEach(chunk::add);
            Answers.expect(send("POST", registration + "api/registrations/approvals",
                    JSON.createObjectNode().set("delegateIds", chunk).toString()), 200);
        }
        return ids;
    }

    /** Scheduling learns of approvals from the stream. */
    private void awaitApproved(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode known = JSON.readTree(Answers.expect(send("GET", scheduling.replace("convoys/" + CONVOY + "/",
                    "delegates?convoyId=" + CONVOY), null), 200).body());
            long approved = 0;
            for (JsonNode delegate : known) {
                approved += "APPROVED".equals(delegate.path("status").asString()) ? 1 : 0;
            }
            if (approved >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformException("Scheduling knows " + approved + " of " + expected + " approved delegates");
            }
            Thread.sleep(500);
        }
    }

    private List<JsonNode> draftDay(LocalDate day) throws Exception {
        token = bench.login(gateway);
        long began = System.nanoTime();
        HttpResponse<String> answer = Answers.expect(send("POST", scheduling + "days/" + day + "/draft-agenda",
                "{\"maxMeetingsPerHost\": " + meetingsPerHost + ", \"maxCohort\": 7}"), 200, 201);
        long took = System.nanoTime() - began;
        JsonNode agenda = JSON.readTree(answer.body());
        List<JsonNode> drafts = new ArrayList<>();
        agenda.path("drafts").forEach(drafts::add);
        long hosts = drafts.stream().map(draft -> draft.path("hostId").asString()).distinct().count();
        figures.put("Scheduling: day planner, " + day + " (" + agenda.path("approvedDelegates").asInt()
                + " approved delegates; drafts for " + hosts + " hosts)", String.format(Locale.ROOT,
                        "%.2f s answered (%d ms planning); %d meetings, %d delegates placed", took / 1e9,
                        agenda.path("tookMillis").asLong(), drafts.size(), agenda.path("delegatesPlaced").asInt()));
        return drafts;
    }

    private List<JsonNode> confirm(List<JsonNode> drafts) throws Exception {
        token = bench.login(gateway);
        List<JsonNode> confirmed = Collections.synchronizedList(new ArrayList<>());
        // One organizer after the other: the time of a confirmation itself, against how many are confirmed already.
        Bench.Calls calls = bench.closedLoop(drafts.size(), 1, i -> {
            JsonNode draft = drafts.get(i);
            int status = status("POST", scheduling + "meetings/" + draft.path("id").asString() + "/confirmation", "");
            if (status == 200) {
                confirmed.add(draft);
            }
            return status;
        });
        figures.put("Scheduling: confirmations, one after the other: 200 / 409 / 5xx",
                calls.count(s -> s == 200) + " / " + calls.count(s -> s == 409) + " / " + calls.count(s -> s >= 500));
        figures.put("Scheduling: confirm p50 / p99 (" + calls.size() + " meetings, up to " + calls.size()
                + " confirmed before)", Bench.millis(calls.percentile(50)) + " / " + Bench.millis(calls.percentile(99)));
        int tail = Math.min(200, calls.size());
        figures.put("Scheduling: confirm p99 of the first " + tail + " / of the last " + tail,
                Bench.millis(calls.percentile(99, 0, tail)) + " / "
                        + Bench.millis(calls.percentile(99, calls.size() - tail, calls.size())));
        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        int block = Math.max(1, calls.size() / 30);
        for (int start = 0; start + block <= calls.size(); start += block) {
            p50.add(new double[] { start + block, calls.percentile(50, start, start + block) / 1e6 });
            p99.add(new double[] { start + block, calls.percentile(99, start, start + block) / 1e6 });
        }
        Charts.line(report.resolve("confirmation-curve.png"),
                "Time per confirmation against meetings confirmed so far",
                "meetings confirmed so far", "ms",
                List.of(new Charts.Series("p50 per block", p50), new Charts.Series("p99 per block", p99)));
        return List.copyOf(confirmed);
    }

    /**
     * Each move ends the meeting five minutes earlier: a real change attendees are told of, and never a conflict. One
     * organizer moves some meetings, then {@value #ORGANIZERS} move others side by side: the changes of one convoy are
     * committed one at a time, so side by side each waits for the others' turns.
     */
    private void move(List<JsonNode> confirmed) throws Exception {
        token = bench.login(gateway);
        int count = Math.min(reads, confirmed.size() / 2);
        for (int organizers : List.of(1, ORGANIZERS)) {
            int offset = organizers == 1 ? 0 : 1;
            Bench.Calls calls = bench.closedLoop(count, organizers, i -> {
                JsonNode meeting = confirmed.get((i * 2 + offset) * (confirmed.size() / 2) / count);
                ObjectNode plan = JSON.createObjectNode().put("hostId", meeting.path("hostId").asString())
                        .put("startsAt", meeting.path("startsAt").asString())
                        .put("endsAt", OffsetDateTime.parse(meeting.path("endsAt").asString()).minusMinutes(5).toString())
                        .put("axis", meeting.path("axis").asString()).put("sector", meeting.path("sector").asString())
                        .put("title", meeting.path("title").asString());
                ArrayNode attendees = plan.putArray("attendeeIds");
                meeting.path("attendees").forEach(attendee -> attendees.add(attendee.path("id").asString()));
                return status("PUT", scheduling + "meetings/" + meeting.path("id").asString(), plan.toString());
            });
            figures.put("Scheduling: move a confirmed meeting, " + (organizers == 1 ? "one organizer"
                    : organizers + " organizers side by side") + ": p50 / p99 (" + calls.size()
                    + " moves; 200 / other; moves per second)", Bench.millis(calls.percentile(50)) + " / "
                            + Bench.millis(calls.percentile(99)) + " (" + calls.count(s -> s == 200) + " / "
                            + calls.count(s -> s != 200) + "; " + String.format(Locale.ROOT, "%.0f/s",
                                    calls.size() / (calls.elapsedNanos() / 1e9)) + ")");
        }
    }

    private void read(ConvoyCopy convoy, List<JsonNode> confirmed, List<String> ids) throws Exception {
        token = bench.login(gateway);
        List<String> days = List.of("2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02", "2023-03-03");
        List<String> hosts = confirmed.stream().map(meeting -> meeting.path("hostId").asString()).distinct().toList();
        Map<String, String> reading = new LinkedHashMap<>();
        reading.put("a delegate's agenda", "delegates/%s/agenda");
        reading.put("a host's agenda", "hosts/%s/agenda");
        reading.put("a day's agenda", "days/%s/agenda");
        reading.put("a day's meetings (the planner's list)", "meetings?date=%s");
        for (Map.Entry<String, String> read : reading.entrySet()) {
            String what = read.getKey();
            String path = read.getValue();
            Bench.Calls calls = bench.closedLoop(reads, ORGANIZERS, i -> {
                String key = switch (what) {
                    case "a delegate's agenda" -> ids.get(i * 7919 % ids.size());
                    case "a host's agenda" -> hosts.isEmpty() ? "none" : hosts.get(i % hosts.size());
                    default -> convoy.day(days.get(i % days.size())).toString();
                };
                return status("GET", scheduling + path.formatted(key), null);
            });
            figures.put("Scheduling: read " + what + " with " + confirmed.size() + " confirmed meetings, p50 / p99 ("
                    + calls.count(s -> s == 200) + " of " + calls.size() + " answered 200)",
                    Bench.millis(calls.percentile(50)) + " / " + Bench.millis(calls.percentile(99)));
        }
    }

    private int status(String method, String url, String body) {
        try {
            return send(method, url, body).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        return send(method, url, body, token);
    }

    private HttpResponse<String> send(String method, String url, String body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
