package org.convoy.scheduling.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingPlan;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.scheduling.report.MeetingOutcomes.Attendance;
import org.convoy.scheduling.report.MeetingOutcomes.Feedback;
import org.convoy.support.report.ReportTable;
import org.junit.jupiter.api.Test;

/** What the report makes of check-ins and survey answers once the feature that records them gives them. */
class ConvoyReportTablesTest {

    private final Meeting netflixMorning = confirmed("netflix", "Netflix", "2023-03-01T17:00:00Z", 10);
    private final Meeting netflixAfternoon = confirmed("netflix", "Netflix", "2023-03-01T22:00:00Z", 4);
    private final Meeting paypal = confirmed("paypal", "PayPal", "2023-03-02T18:00:00Z", 6);

    @Test
    void attendanceAndNoShowRatesCountOnlyThoseExpectedAndSurveyScoresAveragePerHost() {
        List<ReportTable> tables = ConvoyReports.tables(List.of(), List.of(netflixMorning, netflixAfternoon, paypal),
                Map.of(netflixMorning.id(), new Attendance(7, 1, 2), netflixAfternoon.id(), new Attendance(4, 0, 0)),
                Map.of(netflixMorning.id(), new Feedback(5, 22), paypal.id(), new Feedback(3, 10)));

        assertThat(table(tables, "attendance").note()).isNull();
        assertThat(table(tables, "attendance").rows()).extracting(row -> row.subList(1, 11)).containsExactly(
                List.of("2023-03-01", "09:00", "10:00", "America/Los_Angeles", "Netflix", 10, 7, 1, 2, rate("0.778")),
                List.of("2023-03-01", "14:00", "15:00", "America/Los_Angeles", "Netflix", 4, 4, 0, 0, rate("1.000")),
                Arrays.asList("2023-03-02", "10:00", "11:00", "America/Los_Angeles", "PayPal", 6, null, null, null,
                        null));
        assertThat(table(tables, "attendanceByHost").rows()).containsExactly(
                List.of("netflix", "Netflix", 2, 2, 14, 11, 1, 2, rate("0.846"), rate("0.154")),
                Arrays.asList("paypal", "PayPal", 1, 0, 6, null, null, null, null, null));
        assertThat(table(tables, "surveyByHost").rows()).containsExactly(
                List.of("netflix", "Netflix", 2, 5, new BigDecimal("4.40")),
                List.of("paypal", "PayPal", 1, 3, new BigDecimal("3.33")));
        assertThat(table(tables, "summary").rows()).contains(List.of("attendance_rate", rate("0.846")),
                List.of("no_show_rate", rate("0.154")), List.of("survey_answers", 8),
                List.of("average_score", new BigDecimal("4.00")));
    }

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    private static ReportTable table(List<ReportTable> tables, String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }

    private static Meeting confirmed(String hostId, String hostName, String startsAt, int attendees) {
        Instant start = Instant.parse(startsAt);
        List<UUID> cohort = Stream.generate(UUID::randomUUID).limit(attendees).toList();
        MeetingPlan plan = new MeetingPlan(hostId, hostName, hostName + " campus", "1 Main St", "SAN_JOSE", "San José",
                start, start.plusSeconds(3600), "America/Los_Angeles", Axis.CREATIVE_INDUSTRIES, Sector.CINEMATOGRAPHY,
                "Filming in Jalisco", cohort);
        return new Meeting(UUID.randomUUID(), plan, MeetingStatus.CONFIRMED, 0, null, start, null);
    }
}
