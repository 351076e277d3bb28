package org.convoy.support.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.convoy.support.web.Csv;

/**
 * One table of a convoy's report: the name the console and the CSV download know it by, its columns, and its rows of
 * cells (texts and numbers; an empty cell is {@code null}).
 *
 * @param note why the table is empty or incomplete, as a key the console words in the reader's language (such as
 *             {@code noCheckInsYet}); {@code null} when there is nothing to say
 */
public record ReportTable(String name, List<String> columns, List<List<Object>> rows, String note) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    public static ReportTable of(String name, List<String> columns, List<List<Object>> rows) {
        return new ReportTable(name, columns, rows, null);
    }

    /**
     * A count per key, largest first (then by key), e.g. delegates per state.
     *
     * @param columns the key's column, then the count's
     */
    public static ReportTable counts(String name, List<String> columns, Map<String, ? extends Number> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, ? extends Number>>comparingLong(entry -> -entry.getValue().longValue())
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> rows.add(List.of(entry.getKey(), entry.getValue())));
        return of(name, columns, rows);
    }

    public ReportTable noted(String why) {
        return new ReportTable(name, columns, rows, why);
    }

    /** The table as a CSV file: a header of its column names, then its rows. */
    public Csv csv() {
        Csv csv = Csv.withHeader(columns.toArray(String[]::new));
        rows.forEach(row -> csv.row(row.toArray()));
        return csv;
    }
}
