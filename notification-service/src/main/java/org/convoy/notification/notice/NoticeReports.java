package org.convoy.notification.notice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.convoy.notification.contact.Contacts;
import org.convoy.notification.notice.channel.Channels;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.notification.notice.domain.NoticeLedger.NoticeCount;
import org.convoy.support.report.Report;
import org.convoy.support.report.ReportTable;
import org.springframework.stereotype.Service;

/**
 * The notices part of a convoy's report: how many notices its delegates were sent, and how they went, by channel, by
 * status and by kind. A convoy's notices are those of the delegates notification knows in it; an erased delegate's
 * notices are no longer counted, since her contact, which tied them to the convoy, is gone.
 */
@Service
public class NoticeReports {

    /** The columns after the key: how notices went, notices still on their way counted as waiting. */
    private static final List<String> OUTCOMES = List.of("total", "sent", "waiting", "failed", "dead", "skipped");

    private final NoticeLedger ledger;
    private final Contacts contacts;
    private final Channels channels;
    private final Clock clock;

    NoticeReports(NoticeLedger ledger, Contacts contacts, Channels channels, Clock clock) {
        this.ledger = ledger;
        this.channels = channels;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Report of(String convoyId) {
        Set<UUID> delegates = contacts.delegatesOf(List.of(convoyId));
        List<NoticeCount> counts = delegates.isEmpty() ? List.of() : ledger.count(delegates);
        return new Report(convoyId, clock.instant(), List.of(
                outcomesBy("noticesByChannel", "channel", counts, NoticeCount::channel, channels.names()),
                byStatus(counts, channels.names()),
                outcomesBy("noticesByKind", "kind", counts, NoticeCount::kind, List.of())));
    }

    /** Every status, with its notices on each channel ({@code email}, {@code sms}, …) and in all. */
    private static ReportTable byStatus(List<NoticeCount> counts, List<String> channels) {
        List<List<Object>> rows = new ArrayList<>();
        for (Notice.Status status : Notice.Status.values()) {
            List<Object> row = new ArrayList<>(List.of(status.name()));
            long total = 0;
            for (String channel : channels) {
                long on = sum(counts, count -> count.status() == status && channel.equals(count.channel()));
                row.add(on);
                total += on;
            }
            row.add(total);
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(List.of("status"));
        channels.forEach(channel -> columns.add(channel.toLowerCase(Locale.ROOT)));
        columns.add("total");
        return ReportTable.of("noticesByStatus", columns, rows);
    }

    /**
     * One row per key, with its notices in all and by outcome; the keys always listed come first, then the others by
     * how many notices they have.
     */
    private static ReportTable outcomesBy(String name, String key, List<NoticeCount> counts,
            Function<NoticeCount, String> keyOf, List<String> alwaysListed) {
        Map<String, long[]> outcomes = new LinkedHashMap<>();
        alwaysListed.forEach(listed -> outcomes.put(listed, new long[OUTCOMES.size()]));
        Map<String, long[]> others = new LinkedHashMap<>();
        for (NoticeCount count : counts) {
            String value = keyOf.apply(count) == null ? "" : keyOf.apply(count);
            long[] row = outcomes.containsKey(value) ? outcomes.get(value)
                    : others.computeIfAbsent(value, unused -> new long[OUTCOMES.size()]);
            row[0] += count.count();
            row[OUTCOMES.indexOf(outcome(count.status()))] += count.count();
        }
        others.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> outcomes.put(entry.getKey(), entry.getValue()));
        List<List<Object>> rows = new ArrayList<>();
        outcomes.forEach((value, row) -> {
            List<Object> cells = new ArrayList<>(List.of(value));
            Arrays.stream(row).forEach(cells::add);
            rows.add(cells);
        });
        List<String> columns = new ArrayList<>(List.of(key));
        columns.addAll(OUTCOMES);
        return ReportTable.of(name, columns, rows);
    }

    private static String outcome(Notice.Status status) {
        return switch (status) {
            case SENT -> "sent";
            case FAILED -> "failed";
            case DEAD -> "dead";
            case SKIPPED -> "skipped";
            case PENDING, DEFERRED, RETRYING -> "waiting";
        };
    }

    private static long sum(List<NoticeCount> counts, Predicate<NoticeCount> which) {
        return counts.stream().filter(which).mapToLong(NoticeCount::count).sum();
    }
}
