package org.convoy.scheduling.visitor.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.visitor.Visitors;
import org.convoy.scheduling.visitor.Visitors.Visit;
import org.convoy.scheduling.visitor.Visitors.Visitor;
import org.convoy.support.web.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Visitor lists for a host's security desk, as data, CSV and a printable page; what they may show is
 * {@link Visitors}' to decide.
 */
@RestController
@RequestMapping("/api/scheduling/convoys/{convoyId}")
class VisitorController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Visitors visitors;

    VisitorController(Visitors visitors) {
        this.visitors = visitors;
    }

    record VisitorList(UUID meetingId, String hostName, String venue, String address, String date, String startsAt,
            String endsAt, String zone, List<Visitor> visitors) {
    }

    @GetMapping("/meetings/{meetingId}/visitors")
    VisitorList meeting(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        return list(visitors.ofMeeting(convoyId, meetingId));
    }

    @GetMapping(value = "/meetings/{meetingId}/visitors.csv", produces = "text/csv")
    ResponseEntity<byte[]> meetingCsv(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        Visit visit = visitors.ofMeeting(convoyId, meetingId);
        return csv(List.of(visit)).download("visitors-" + visit.meeting().hostId() + "-"
                + DAY.format(visit.meeting().localStart()));
    }

    /** A page to print for the security desk; styled by a stylesheet of its own, as the content policy asks. */
    @GetMapping(value = "/meetings/{meetingId}/visitors.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> meetingPage(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        VisitorList list = list(visitors.ofMeeting(convoyId, meetingId));
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
        return csv(visitors.ofHost(convoyId, hostId)).download("visitors-" + hostId);
    }

    private static Csv csv(List<Visit> visits) {
        Csv csv = Csv.withHeader("date", "starts", "ends", "zone", "host", "venue", "address", "name", "organization",
                "position");
        for (Visit visit : visits) {
            Meeting meeting = visit.meeting();
            for (Visitor visitor : visit.visitors()) {
                csv.row(DAY.format(meeting.localStart()), TIME.format(meeting.localStart()),
                        TIME.format(meeting.localEnd()), meeting.plan().zone(), meeting.plan().hostName(),
                        meeting.plan().venue(), meeting.plan().address(), visitor.name(), visitor.organization(),
                        visitor.position());
            }
        }
        return csv;
    }

    private static VisitorList list(Visit visit) {
        Meeting meeting = visit.meeting();
        return new VisitorList(meeting.id(), meeting.plan().hostName(), meeting.plan().venue(), meeting.plan().address(),
                DAY.format(meeting.localStart()), TIME.format(meeting.localStart()), TIME.format(meeting.localEnd()),
                meeting.plan().zone(), visit.visitors());
    }

    private static String html(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
