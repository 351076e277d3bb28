package org.convoy.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault suite's steady stream of work, through the gateways as users would: delegates register (some choosing
 * texts as well, who then open their personal link from the welcome email, which confirms their number), an
 * organizer approves them, and pairs of approved delegates get a meeting with a host, drafted and confirmed. It
 * keeps what the platform acknowledged (a 201 for a registration or a link, a 200 for an approval or a
 * confirmation), with when, which is what the suite holds the platform to. A call whose answer was lost (a process
 * killed under it) is not acknowledged: what it did may or may not have happened, so the suite only holds the
 * platform to doing it at most once.
 */
final class FaultLoad implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("#code=([A-Za-z0-9_.~-]+)");
    static final String WELCOME = "Convoy: we received your registration";
    static final String APPROVED = "Convoy: your registration is approved";
    static final String INVITATION = "Convoy: meeting with ";
    /** One in this many delegates chooses texts as well as email. */
    private static final int TEXTING_EVERY = 3;
    static final int HOSTS = 20;
    private static final int SLOTS_PER_DAY = 18;
    private static final List<String> DAYS = List.of("2023-02-27", "2023-02-28", "2023-03-01");

    record Registered(int number, String email, String delegateId, String phone, long ackedAt) {
        boolean texts() {
            return phone != null;
        }
    }

    record Confirmed(String meetingId, List<String> attendeeIds, long ackedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> gateways;
    private final String convoyId;
    private final ConvoyCopy convoy;
    private final Credentials credentials;
    private final MailCatcher mail;
    private final String run;

    private final Map<String, Registered> registered = new ConcurrentHashMap<>();
    private final Map<String, Long> linksOpened = new ConcurrentHashMap<>();
    private final Map<String, Long> approved = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> readyForMeetings = new ConcurrentLinkedQueue<>();
    private final List<Confirmed> confirmed = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Delegates of a meeting whose confirmation's answer was lost: told at most once, not exactly once. */
    private final Map<String, Boolean> uncertain = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger slot = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private volatile String token;
    private volatile long tokenAt;
    private ScheduledExecutorService timer;
    private ExecutorService clients;

    record Credentials(String username, String password) {

        String json() {
            return JSON.createObjectNode().put("username", username).put("password", password).toString();
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    FaultLoad(List<String> gateways, ConvoyCopy convoy, Credentials credentials, MailCatcher mail, String run) {
        this.gateways = gateways;
        this.convoy = convoy;
        this.convoyId = convoy.id();
        this.credentials = credentials;
        this.mail = mail;
        this.run = run;
    }

    /** Hosts in Los Angeles receiving every day the convoy is there, for the meetings. */
    void addHosts() throws IOException, InterruptedException {
        for (int i = 1; i <= HOSTS; i++) {
            String hostId = run + "-host-" + i;
            ObjectNode host = JSON.createObjectNode().put("hostId", hostId).put("organization", "Host " + i + " " + run);
            host.putArray("contacts");
            host.putArray("venues").addObject().put("city", "LOS_ANGELES").put("name", "Venue " + i)
                    .put("address", i + " Main Street").put("roomCapacity", 20);
            host.putArray("sectors").add("FINTECH");
            host.putArray("axes").add("ECONOMIC");
            Answers.expect(call("POST", "api/scheduling/hosts", host.toString()), 201);
            ObjectNode participation = JSON.createObjectNode();
            ArrayNode windows = participation.putArray("availability");
            for (String day : DAYS) {
                windows.addObject().put("startsAt", convoy.at(day + "T09:00")).put("endsAt", convoy.at(day + "T18:00"));
            }
            Answers.expect(call("POST", "api/scheduling/convoys/" + convoyId + "/hosts/" + hostId + "/participation",
                    participation.toString()), 200, 201);
        }
    }

    /**
     * Starts the stream: {@code registrationsPerSecond} registrations, links opened and approvals every second, a
     * meeting confirmed every {@code meetingEvery}.
     */
    void start(double registrationsPerSecond, Duration meetingEvery) {
        timer = Executors.newScheduledThreadPool(4, daemon("fault-load-timer"));
        clients = Executors.newFixedThreadPool(16, daemon("fault-load-client"));
        timer.scheduleAtFixedRate(() -> clients.execute(this::register), 0,
                Math.round(1_000_000 / registrationsPerSecond), TimeUnit.MICROSECONDS);
        timer.scheduleWithFixedDelay(guarded(this::openLinks), 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(guarded(this::approve), 2, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(guarded(this::meet), meetingEvery.toMillis(), meetingEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops sending new work and waits for calls under way. */
    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(70, TimeUnit.SECONDS);
        clients.shutdown();
        clients.awaitTermination(70, TimeUnit.SECONDS);
    }

    // --- the work ---

    private void register() {
        int n = sequence.incrementAndGet();
        String email = run + "-" + n + "@faults.example";
        String phone = n % TEXTING_EVERY == 0 ? String.format("+52 55 %04d %04d", n / 10_000 % 10_000, n % 10_000)
                : null;
        String body = """
                {"convoyId":"%s","givenName":"Delegate","familyName":"Number %d","email":"%s",%s
                 "preferredLanguage":"en","role":"BUSINESS_DELEGATE","state":"MX-JAL","municipality":"Zapopan",
                 "organization":"Company %d","position":"Director","sectors":["FINTECH"],
                 "axes":["ECONOMIC"],"channels":[%s],"privacyConsent":true}""".formatted(convoyId, n, email,
                phone == null ? "" : "\"phone\":\"" + phone + "\",", n, phone == null ? "\"EMAIL\"" : "\"EMAIL\",\"SMS\"");
        Optional<HttpResponse<String>> answer = send(n, "POST", "api/registrations", body, null);
        if (answer.isPresent() && answer.get().statusCode() == 201) {
            String delegateId = JSON.readTree(answer.get().body()).path("members").path(0).path("delegateId").asString();
            registered.put(delegateId, new Registered(n, email, delegateId, phone == null ? null
                    : phone.replace(" ", ""), System.currentTimeMillis()));
        }
    }

    /** Texting delegates open their personal link from the welcome email, which confirms their number. */
    private void openLinks() {
        for (Registered delegate : registered.values()) {
            if (!delegate.texts() || linksOpened.containsKey(delegate.delegateId())) {
                continue;
            }
            Optional<String> code = mail.textTo(delegate.email(), WELCOME).map(CODE::matcher).filter(Matcher::find)
                    .map(matcher -> matcher.group(1));
            if (code.isEmpty()) {
                continue;
            }
            Optional<HttpResponse<String>> answer = send(delegate.number(), "POST", "api/registrations/sessions",
                    "{\"code\":\"" + code.get() + "\"}", null);
            if (answer.isPresent() && answer.get().statusCode() == 201) {
                linksOpened.put(delegate.delegateId(), System.currentTimeMillis());
            }
        }
    }

    /** Approves those registered (texting ones once their number is confirmed), up to 200 at a time. */
    private void approve() {
        List<String> due = registered.values().stream()
                .filter(delegate -> !approved.containsKey(delegate.delegateId()))
                .filter(delegate -> !delegate.texts() || linksOpened.containsKey(delegate.delegateId()))
                .map(Registered::delegateId).limit(200).toList();
        if (due.isEmpty()) {
            return;
        }
        ArrayNode ids = JSON.createArrayNode();
        due.forEach(ids::add);
        Optional<HttpResponse<String>> answer = send(0, "POST", "api/registrations/approvals",
                JSON.createObjectNode().set("delegateIds", ids).toString(), organizer());
        if (answer.isEmpty() || answer.get().statusCode() != 200) {
            return;
        }
        long now = System.currentTimeMillis();
        for (JsonNode outcome : JSON.readTree(answer.get().body())) {
            String result = outcome.path("result").asString();
            // Approved now, or already (a call of ours whose answer was lost approved her earlier): both are DONE.
            if ("DONE".equals(result)) {
                String id = outcome.path("delegateId").asString();
                if (approved.putIfAbsent(id, now) == null) {
                    readyForMeetings.add(id);
                }
            }
        }
    }

    /** Two approved delegates, a host and the next free slot: a draft, then its confirmation. */
    private void meet() {
        String first = readyForMeetings.poll();
        String second = readyForMeetings.poll();
        if (first == null || second == null) {
            if (first != null) {
                readyForMeetings.add(first);
            }
            return;
        }
        int k = slot.getAndIncrement();
        int host = k % HOSTS + 1;
        int index = k / HOSTS;
        if (index >= DAYS.size() * SLOTS_PER_DAY) {
            return;
        }
        LocalDateTime start = LocalDateTime.parse(DAYS.get(index / SLOTS_PER_DAY) + "T09:00")
                .plusMinutes(30L * (index % SLOTS_PER_DAY));
        ObjectNode plan = JSON.createObjectNode().put("hostId", run + "-host-" + host)
                .put("startsAt", convoy.at(start.toString())).put("endsAt", convoy.at(start.plusMinutes(30).toString()))
                .put("axis", "ECONOMIC").put("sector", "FINTECH").put("title", "Fault suite meeting " + k);
        plan.putArray("attendeeIds").add(first).add(second);
        Optional<HttpResponse<String>> drafted = send(0, "POST", "api/scheduling/convoys/" + convoyId + "/meetings",
                plan.toString(), organizer());
        if (drafted.isEmpty() || drafted.get().statusCode() >= 500) {
            // Perhaps drafted: a draft tells nobody; these two wait for the next meeting.
            readyForMeetings.add(first);
            readyForMeetings.add(second);
            return;
        }
        if (drafted.get().statusCode() != 201) {
            // Scheduling has not heard of an approval yet: they wait their turn again.
            readyForMeetings.add(first);
            readyForMeetings.add(second);
            return;
        }
        String meetingId = JSON.readTree(drafted.get().body()).path("id").asString();
        Optional<HttpResponse<String>> confirmation = send(0, "POST", "api/scheduling/convoys/" + convoyId
                + "/meetings/" + meetingId + "/confirmation", "", organizer());
        if (confirmation.isPresent() && confirmation.get().statusCode() == 200) {
            confirmed.add(new Confirmed(meetingId, List.of(first, second), System.currentTimeMillis()));
        } else if (confirmation.isPresent() && confirmation.get().statusCode() < 500) {
            readyForMeetings.add(first);
            readyForMeetings.add(second);
        } else {
            uncertain.put(first, true);
            uncertain.put(second, true);
        }
    }

    // --- what was acknowledged ---

    String convoyId() {
        return convoyId;
    }

    Collection<Registered> registered() {
        return List.copyOf(registered.values());
    }

    Map<String, Long> linksOpened() {
        return Map.copyOf(linksOpened);
    }

    Map<String, Long> approved() {
        return Map.copyOf(approved);
    }

    List<Confirmed> confirmed() {
        return List.copyOf(confirmed);
    }

    boolean uncertain(String delegateId) {
        return uncertain.containsKey(delegateId);
    }

    long attempts() {
        return attempts.get();
    }

    long unanswered() {
        return unanswered.get();
    }

    /** Answers 400 and above, by status, method and path. */
    Map<String, AtomicInteger> refusals() {
        return refusals;
    }

    /** An organizer's token, logged in again every five minutes (tokens last fifteen). */
    String organizer() {
        synchronized (this) {
            if (token == null || System.currentTimeMillis() - tokenAt > Duration.ofMinutes(5).toMillis()) {
                token = login(gateways, credentials);
                tokenAt = System.currentTimeMillis();
            }
            return token;
        }
    }

    /** Logs in through whichever gateway answers, trying for up to a minute. */
    static String login(List<String> gateways, Credentials credentials) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String last = "no answer";
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request(gateways.get(attempt % gateways.size()), "POST",
                        "api/auth/login", credentials.json(), null), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return JSON.readTree(answer.body()).path("accessToken").asString();
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause(Duration.ofSeconds(1));
        }
        throw new PlatformException("Could not log in as the administrator: " + last);
    }

    // --- calls ---

    private HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(request(gateways.get(0), method, path, body, organizer()), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One call through a gateway (chosen by {@code n}); a gateway that refuses the connection never saw the call, so
     * the next is tried, as a load balancer would. Empty when no answer came.
     */
    private Optional<HttpResponse<String>> send(int n, String method, String path, String body, String bearer) {
        attempts.incrementAndGet();
        for (int tried = 0; tried < gateways.size(); tried++) {
            String gateway = gateways.get((n + tried) % gateways.size());
            try {
                HttpResponse<String> answer = http.send(request(gateway, method, path, body, bearer),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() >= 400) {
                    refusals.computeIfAbsent(answer.statusCode() + " " + method + " " + path.replaceAll(
                            "[0-9a-f]{8}-[0-9a-f-]{27}|\\?.*", "…"), status -> new AtomicInteger()).incrementAndGet();
                }
                return Optional.of(answer);
            } catch (ConnectException refused) {
                // not received: the other gateway
            } catch (HttpTimeoutException | RuntimeException e) {
                break;
            } catch (IOException e) {
                // received, perhaps acted on, not answered
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        unanswered.incrementAndGet();
        return Optional.empty();
    }

    private static HttpRequest request(String gateway, String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    private static Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                FaultSuite.say("  (load: " + e + ")");
            }
        };
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static List<String> ids(Collection<Registered> delegates) {
        List<String> ids = new ArrayList<>();
        delegates.forEach(delegate -> ids.add(delegate.delegateId()));
        return ids;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (clients != null) {
            clients.shutdownNow();
        }
    }
}
