package org.convoy.support.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV download as spreadsheet programs read it well: UTF-8 with a byte-order mark (accents survive), CRLF line
 * ends, quoting where needed, and no cell that a spreadsheet would run as a formula.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder("\uFEFF");

    private Csv(List<String> header) {
        line(header.stream());
    }

    public static Csv withHeader(String... header) {
        return new Csv(List.of(header));
    }

    public Csv row(Object... values) {
        line(Stream.of(values));
        return this;
    }

    /** @param name the file name offered to the browser, without the extension; reduced to safe characters */
    public ResponseEntity<byte[]> download(String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name.replaceAll("[^A-Za-z0-9._-]", "-") + ".csv").build().toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void line(Stream<?> values) {
        text.append(values.map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** A cell: quoted when needed, and never read as a formula by a spreadsheet. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
