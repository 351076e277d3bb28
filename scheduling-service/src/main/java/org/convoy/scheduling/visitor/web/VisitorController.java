package org.convoy.scheduling.visitor.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.scheduling.host.Hosts;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStateException;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.scheduling.web.Times;
import org.convoy.support.web.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Visitor lists for a host's security desk: who comes to which confirmed meeting. A visitor's name is always
 * listed (it is needed to enter the venue); organization and position only when the delegate agreed to share
 * them with hosts. Nothing else (no contact details) leaves scheduling here.
 */
@RestController
@RequestMapping("/api/scheduling/convoys/{convoyId}")
class VisitorController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Meetings meetings;
    private final Hosts hosts;
    private final ScheduledDelegateRepository delegates;

    VisitorController(Meetings meetings, Hosts hosts, ScheduledDelegateRepository delegates) {
        this.meetings = meetings;
        this.hosts = hosts;
        this.delegates = delegates;
    }

    record Visitor(String name, String organization, String position, boolean profileShared) {
    }

    record VisitorList(UUID meetingId, String hostName, String venue, String address, String date, String startsAt,
            String endsAt, String zone, List<Visitor> visitors) {
    }

    @GetMapping("/meetings/{meetingId}/visitors")
    VisitorList meeting(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        return list(confirmed(convoyId, meetingId));
    }

    @GetMapping(value = "/meetings/{meetingId}/visitors.csv", produces = "text/csv")
    ResponseEntity<byte[]> meetingCsv(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        Meeting meeting = confirmed(convoyId, meetingId);
        return csv(List.of(meeting)).download("visitors-" + meeting.hostId() + "-" + DAY.format(local(meeting)));
    }

    /** A page to print for the security desk; styled by a stylesheet of its own, as the content policy asks. */
    @GetMapping(value = "/meetings/{meetingId}/visitors.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> meetingPage(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        VisitorList list = list(confirmed(convoyId, meetingId));
        StringBuilder rows = new StringBuilder();
        int n = 1;
        for (Visitor visitor : list.visitors()) {
            rows.append("<tr><td>").append(n++).append("</td><td>").append(html(visitor.name())).append("</td><td>")
                    .append(html(visitor.organization())).append("</td><td>").append(html(visitor.position()))
                    .append("</td><td class=\"sign\"></td></tr>\n");
        }
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Visitors — %1$s — %2$s</title>
                <link rel="stylesheet" href="/api/scheduling/assets/visitors.css">
                </head>
                <body>
                <main>
                <h1>Visitors — %1$s</h1>
                <p class="when">%2$s, %3$s–%4$s (%5$s)</p>
                <p class="where">%6$s, %7$s</p>
                <table>
                <caption>%8$d visitors</caption>
                <thead><tr><th scope="col">#</th><th scope="col">Name</th><th scope="col">Organization</th>\
                <th scope="col">Position</th><th scope="col">Signature</th></tr></thead>
                <tbody>
                %9$s</tbody>
                </table>
                <p class="note">Organization and position are shown only where the visitor agreed to share them.</p>
                </main>
                </body>
                </html>
                """.formatted(html(list.hostName()), list.date(), list.startsAt(), list.endsAt(), html(list.zone()),
                html(list.venue()), html(list.address()), list.visitors().size(), rows);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page);
    }

    /** Every confirmed meeting of a host, one visitor per line, for the security desk's whole convoy. */
    @GetMapping(value = "/hosts/{hostId}/visitors.csv", produces = "text/csv")
    ResponseEntity<byte[]> hostCsv(@PathVariable String convoyId, @PathVariable String hostId) {
        hosts.get(convoyId, hostId);
        List<Meeting> confirmed = meetings.schedule(convoyId).confirmed().stream()
                .filter(meeting -> meeting.hostId().equals(hostId))
                .sorted(Comparator.comparing(Meeting::startsAt)).toList();
        return csv(confirmed).download("visitors-" + hostId);
    }

    private Csv csv(List<Meeting> selected) {
        Map<UUID, ScheduledDelegate> known = known(selected);
        Csv csv = Csv.withHeader("date", "starts", "ends", "zone", "host", "venue", "address", "name", "organization",
                "position");
        for (Meeting meeting : selected) {
            for (Visitor visitor : visitors(meeting, known)) {
                csv.row(DAY.format(local(meeting)), TIME.format(local(meeting)),
                        TIME.format(meeting.endsAt().atZone(meeting.zoneId())), meeting.zone(), meeting.hostName(),
                        meeting.venue(), meeting.address(), visitor.name(), visitor.organization(), visitor.position());
            }
        }
        return csv;
    }

    private VisitorList list(Meeting meeting) {
        return new VisitorList(meeting.id(), meeting.hostName(), meeting.venue(), meeting.address(),
                DAY.format(local(meeting)), TIME.format(local(meeting)),
                TIME.format(Times.in(meeting.endsAt(), meeting.zoneId())), meeting.zone(),
                visitors(meeting, known(List.of(meeting))));
    }

    private static List<Visitor> visitors(Meeting meeting, Map<UUID, ScheduledDelegate> known) {
        return meeting.attendeeIds().stream().map(known::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(ScheduledDelegate::familyName).thenComparing(ScheduledDelegate::givenName))
                .map(delegate -> delegate.sharesWithHosts()
                        ? new Visitor(delegate.fullName(), delegate.organization(), delegate.position(), true)
                        : new Visitor(delegate.fullName(), null, null, false))
                .toList();
    }

    private Map<UUID, ScheduledDelegate> known(List<Meeting> selected) {
        Map<UUID, ScheduledDelegate> known = new HashMap<>();
        delegates.findAllById(selected.stream().flatMap(meeting -> meeting.attendeeIds().stream()).distinct().toList())
                .forEach(delegate -> known.put(delegate.id(), delegate));
        return known;
    }

    private Meeting confirmed(String convoyId, UUID meetingId) {
        Meeting meeting = meetings.meeting(convoyId, meetingId);
        if (!meeting.is(MeetingStatus.CONFIRMED)) {
            throw new MeetingStateException("Visitor lists exist for confirmed meetings only; this one is "
                    + meeting.status().name().toLowerCase() + ".");
        }
        return meeting;
    }

    private static java.time.ZonedDateTime local(Meeting meeting) {
        return meeting.startsAt().atZone(meeting.zoneId());
    }

    private static String html(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
