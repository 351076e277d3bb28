package org.convoy.support.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.convoy.support.problem.FieldProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class ReportTest {

    private final Report report = new Report("california-2023", Instant.parse("2023-03-04T00:00:00Z"), List.of(
            ReportTable.counts("delegatesByState", List.of("state", "delegates"),
                    Map.of("MX-JAL", 3, "MX-NLE", 5, "MX-CMX", 3)),
            ReportTable.of("meetingsByHost", List.of("host", "confirmed"), List.of(
                    List.of("Estudios Churubusco, S.A.", 2),
                    List.of("=HYPERLINK(\"http://x\")", 1),
                    List.of("+52 Bajío", 0),
                    List.of("-1", 1),
                    List.of("@SUM(A1)", 1),
                    Arrays.asList("Línea \"nueva\"\nsegunda", null)))));

    @Test
    void answersTheWholeReportAsJsonUnlessCsvIsAskedFor() {
        assertThat(report.answer(null, null, null, "california-2023").getBody()).isSameAs(report);
        assertThat(report.answer("json", "meetingsByHost", "text/csv", "california-2023").getBody()).isSameAs(report);
        assertThat(report.answer(null, null, "text/html,application/xhtml+xml,*/*;q=0.8", "c").getBody()).isSameAs(report);
    }

    @Test
    void countsComeLargestFirstThenByKey() {
        assertThat(report.tables().get(0).rows()).containsExactly(List.of("MX-NLE", 5), List.of("MX-CMX", 3),
                List.of("MX-JAL", 3));
    }

    @Test
    void oneTableAsCsvQuotedInUtf8WithNoCellASpreadsheetWouldRun() {
        ResponseEntity<?> answer = report.answer("csv", "meetingsByHost", null, "california-2023");

        String csv = new String((byte[]) answer.getBody(), StandardCharsets.UTF_8);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"california-2023-meetingsByHost.csv\"");
        assertThat(csv).isEqualTo("\uFEFFhost,confirmed\r\n"
                + "\"Estudios Churubusco, S.A.\",2\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",1\r\n"
                + "'+52 Bajío,0\r\n"
                + "'-1,1\r\n"
                + "'@SUM(A1),1\r\n"
                + "\"Línea \"\"nueva\"\"\nsegunda\",\r\n");
    }

    @Test
    void acceptTextCsvAsksForCsvToo() {
        ResponseEntity<?> answer = report.answer(null, "delegatesByState", "text/csv", "c");

        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8))
                .startsWith("\uFEFFstate,delegates\r\nMX-NLE,5\r\n");
    }

    @Test
    void csvWithoutATableOfTheReportOrAnUnknownFormatNamesTheField() {
        assertThatThrownBy(() -> report.answer("csv", null, null, "c")).isInstanceOf(FieldProblemException.class)
                .extracting("field").isEqualTo("table");
        assertThatThrownBy(() -> report.answer(null, "nothing", "text/csv", "c"))
                .isInstanceOf(FieldProblemException.class).extracting("field").isEqualTo("table");
        assertThatThrownBy(() -> report.answer("xlsx", "meetingsByHost", null, "c"))
                .isInstanceOf(FieldProblemException.class).extracting("field").isEqualTo("format");
    }
}
