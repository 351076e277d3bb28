package org.convoy.support.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.convoy.support.problem.FieldProblemException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a service tells of one convoy for its final report: tables of counts, answered all together as JSON, or one of
 * them as a CSV download ({@code format=csv}, or {@code Accept: text/csv}, with {@code table=<name>}).
 */
public record Report(String convoyId, Instant generatedAt, List<ReportTable> tables) {

    public Report {
        tables = List.copyOf(tables);
    }

    /**
     * The answer to a report call: the report as JSON, or the table the caller named as CSV, offered as
     * {@code <file>-<table>.csv}.
     *
     * @param format {@code json}, {@code csv} or {@code null} (then the {@code Accept} header decides)
     * @throws FieldProblemException naming {@code format} when it is neither, or {@code table} when CSV is asked for
     *                               without a table of this report
     */
    public ResponseEntity<?> answer(String format, String table, String accept, String file) {
        if (!wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this);
        }
        if (table == null || table.isBlank()) {
            throw new FieldProblemException("table", "must name the table to download, one of " + names());
        }
        return tables.stream().filter(candidate -> candidate.name().equals(table)).findFirst()
                .map(found -> found.csv().download(file + "-" + found.name()))
                .orElseThrow(() -> new FieldProblemException("table", "must be one of " + names()));
    }

    private List<String> names() {
        return tables.stream().map(ReportTable::name).toList();
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new FieldProblemException("format", "must be json or csv");
            };
        }
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> "text".equals(type.getType()) && "csv".equals(type.getSubtype()));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
