package org.convoy.support.system;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convoy.support.outbox.OutboxBacklog;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.security.OrganizerScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET ${convoy.system.path}} (e.g. {@code /api/registrations/system}): the service's outbox backlog, its dead
 * letters and what else it counts ({@link SystemCounts}), for the organizer console's system panel. Read-only, and
 * read afresh from the store and the broker at every call, so every instance of the service gives the same answer.
 * For organizers of every convoy, as dead letters are (an organizer limited to some convoys gets 403; anyone else
 * 401 or 403 as for every organizer call).
 */
@RestController
public class SystemStatusController {

    private final String service;
    private final OutboxRelay outbox;
    private final DeadLetterCounter deadLetters;
    private final List<SystemCounts> counts;
    private final OrganizerScope scope;
    private final Clock clock;

    public SystemStatusController(String service, OutboxRelay outbox, DeadLetterCounter deadLetters,
            List<SystemCounts> counts, OrganizerScope scope, Clock clock) {
        this.service = service;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.counts = List.copyOf(counts);
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("${convoy.system.path}")
    public SystemStatus status() {
        scope.requireEveryConvoy("The system's state concerns every convoy: it is for organizers of every convoy.");
        var now = clock.instant();
        OutboxBacklog backlog = outbox.backlog();
        Map<String, Map<String, Long>> more = new LinkedHashMap<>();
        counts.forEach(part -> more.put(part.name(), new LinkedHashMap<>(part.counts())));
        return new SystemStatus(service, now, new SystemStatus.Outbox(backlog.pending(), backlog.oldestAgeSeconds(now)),
                deadLetters.count(), more);
    }
}
