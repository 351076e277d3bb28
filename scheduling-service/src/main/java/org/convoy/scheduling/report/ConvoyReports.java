package org.convoy.scheduling.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.meeting.MeetingFilter;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.scheduling.report.MeetingOutcomes.Attendance;
import org.convoy.scheduling.report.MeetingOutcomes.Feedback;
import org.convoy.support.report.Report;
import org.convoy.support.report.ReportTable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * A convoy's report for the municipalities and sponsors, from what scheduling keeps: its delegates by status, role,
 * state and sector (counts only, no person named), its meetings by host, sector and axis, and what happened at them
 * (attendance and survey scores, from {@link MeetingOutcomes}).
 */
@Service
public class ConvoyReports {

    static final String NO_CHECK_INS_YET = "noCheckInsYet";
    static final String NO_ANSWERS_YET = "noAnswersYet";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Convoys convoys;
    private final Delegates delegates;
    private final Meetings meetings;
    private final ObjectProvider<MeetingOutcomes> outcomes;
    private final Clock clock;

    ConvoyReports(Convoys convoys, Delegates delegates, Meetings meetings, ObjectProvider<MeetingOutcomes> outcomes,
            Clock clock) {
        this.convoys = convoys;
        this.delegates = delegates;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    public Report of(String convoyId) {
        convoys.get(convoyId);
        List<ScheduledDelegate> people = delegates.ofConvoy(convoyId);
        List<Meeting> all = meetings.search(convoyId, new MeetingFilter(null, null, null, null, null));
        MeetingOutcomes known = outcomes.getIfAvailable(() -> MeetingOutcomes.NONE_YET);
        return new Report(convoyId, clock.instant(), tables(people, all, known.attendance(convoyId),
                known.feedback(convoyId)));
    }

    /** The report's tables from the convoy's delegates, all its meetings, and what was recorded at them. */
    static List<ReportTable> tables(List<ScheduledDelegate> people, List<Meeting> all, Map<UUID, Attendance> attendance,
            Map<UUID, Feedback> feedback) {
        List<Meeting> confirmed = all.stream().filter(meeting -> meeting.is(MeetingStatus.CONFIRMED)).toList();
        return List.of(
                summary(people, confirmed, attendance, feedback),
                delegatesByStatus(people),
                delegatesBy("delegatesByRole", "role", people, delegate -> Collections.singletonList(delegate.role())),
                delegatesBy("delegatesByState", "state", people, delegate -> Collections.singletonList(delegate.state())),
                delegatesBy("delegatesBySector", "sector", people, ScheduledDelegate::sectors),
                meetingsByHost(all),
                meetingsBy("meetingsBySector", "sector", confirmed,
                        meeting -> meeting.plan().sector() == null ? null : meeting.plan().sector().name()),
                meetingsBy("meetingsByAxis", "axis", confirmed,
                        meeting -> meeting.plan().axis() == null ? null : meeting.plan().axis().name()),
                attendanceByMeeting(confirmed, attendance),
                attendanceByHost(confirmed, attendance),
                surveyByHost(confirmed, feedback));
    }

    // --- delegates ---

    private static ReportTable delegatesByStatus(List<ScheduledDelegate> people) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(ScheduledDelegate.Status.values()).forEach(status -> counts.put(status.name(), 0L));
        people.forEach(delegate -> counts.merge(delegate.status().name(), 1L, Long::sum));
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((status, count) -> rows.add(List.of(status, count)));
        return ReportTable.of("delegatesByStatus", List.of("status", "delegates"), rows);
    }

    /** Delegates and approved delegates per key; a delegate with several keys (sectors) counts under each. */
    private static ReportTable delegatesBy(String name, String key, List<ScheduledDelegate> people,
            Function<ScheduledDelegate, Collection<String>> keys) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (ScheduledDelegate delegate : people) {
            Collection<String> of = keys.apply(delegate);
            for (String value : of == null ? List.<String>of() : of) {
                long[] count = counts.computeIfAbsent(value == null ? "" : value, unused -> new long[2]);
                count[0]++;
                count[1] += delegate.schedulable() ? 1 : 0;
            }
        }
        return ReportTable.of(name, List.of(key, "delegates", "approved"), largestFirst(counts));
    }

    // --- meetings ---

    private static ReportTable meetingsByHost(List<Meeting> all) {
        Map<String, HostTally> hosts = new LinkedHashMap<>();
        for (Meeting meeting : all) {
            HostTally tally = hosts.computeIfAbsent(meeting.hostId(), id -> new HostTally(id, meeting.plan().hostName()));
            tally.count(meeting);
        }
        List<List<Object>> rows = new ArrayList<>();
        hosts.values().stream().sorted(Comparator.comparingInt((HostTally tally) -> -tally.confirmed)
                .thenComparing(tally -> tally.name)).forEach(tally -> rows.add(List.of(tally.hostId, tally.name,
                        tally.confirmed, tally.cancelled, tally.drafts, tally.attendees)));
        return ReportTable.of("meetingsByHost", List.of("host_id", "host", "confirmed", "cancelled", "drafts",
                "attendees"), rows);
    }

    private static final class HostTally {
        final String hostId;
        final String name;
        int confirmed;
        int cancelled;
        int drafts;
        int attendees;

        HostTally(String hostId, String name) {
            this.hostId = hostId;
            this.name = name;
        }

        void count(Meeting meeting) {
            switch (meeting.status()) {
                case CONFIRMED -> {
                    confirmed++;
                    attendees += meeting.attendeeIds().size();
                }
                case CANCELLED -> cancelled++;
                case DRAFT -> drafts++;
            }
        }
    }

    /** Confirmed meetings and the attendees they seat, per key. */
    private static ReportTable meetingsBy(String name, String key, List<Meeting> confirmed,
            Function<Meeting, String> keyOf) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Meeting meeting : confirmed) {
            String value = keyOf.apply(meeting);
            long[] count = counts.computeIfAbsent(value == null ? "" : value, unused -> new long[2]);
            count[0]++;
            count[1] += meeting.attendeeIds().size();
        }
        return ReportTable.of(name, List.of(key, "meetings", "attendees"), largestFirst(counts));
    }

    // --- what happened at the meetings ---

    private static ReportTable attendanceByMeeting(List<Meeting> confirmed, Map<UUID, Attendance> attendance) {
        List<List<Object>> rows = new ArrayList<>();
        for (Meeting meeting : confirmed) {
            Attendance recorded = attendance.get(meeting.id());
            rows.add(Arrays.asList(meeting.id().toString(), meeting.localStart().toLocalDate().toString(),
                    HOUR.format(meeting.localStart()), HOUR.format(meeting.localEnd()), meeting.plan().zone(),
                    meeting.plan().hostName(), meeting.attendeeIds().size(),
                    recorded == null ? null : recorded.checkedIn(), recorded == null ? null : recorded.excused(),
                    recorded == null ? null : recorded.noShows(),
                    recorded == null ? null : rate(recorded.checkedIn(), recorded.expected())));
        }
        ReportTable table = ReportTable.of("attendance", List.of("meeting_id", "date", "starts", "ends", "zone", "host",
                "attendees", "checked_in", "excused", "no_shows", "attendance_rate"), rows);
        return attendance.isEmpty() ? table.noted(NO_CHECK_INS_YET) : table;
    }

    private static ReportTable attendanceByHost(List<Meeting> confirmed, Map<UUID, Attendance> attendance) {
        List<List<Object>> rows = new ArrayList<>();
        byHost(confirmed).forEach((hostId, ofHost) -> {
            int checkedIn = 0;
            int excused = 0;
            int noShows = 0;
            int recorded = 0;
            for (Meeting meeting : ofHost) {
                Attendance at = attendance.get(meeting.id());
                if (at != null) {
                    recorded++;
                    checkedIn += at.checkedIn();
                    excused += at.excused();
                    noShows += at.noShows();
                }
            }
            boolean any = recorded > 0;
            rows.add(Arrays.asList(hostId, ofHost.get(0).plan().hostName(), ofHost.size(), recorded,
                    ofHost.stream().mapToInt(meeting -> meeting.attendeeIds().size()).sum(),
                    any ? checkedIn : null, any ? excused : null, any ? noShows : null,
                    any ? rate(checkedIn, checkedIn + noShows) : null, any ? rate(noShows, checkedIn + noShows) : null));
        });
        ReportTable table = ReportTable.of("attendanceByHost", List.of("host_id", "host", "meetings", "recorded",
                "attendees", "checked_in", "excused", "no_shows", "attendance_rate", "no_show_rate"), rows);
        return attendance.isEmpty() ? table.noted(NO_CHECK_INS_YET) : table;
    }

    private static ReportTable surveyByHost(List<Meeting> confirmed, Map<UUID, Feedback> feedback) {
        List<List<Object>> rows = new ArrayList<>();
        byHost(confirmed).forEach((hostId, ofHost) -> {
            int answers = 0;
            int total = 0;
            for (Meeting meeting : ofHost) {
                Feedback given = feedback.get(meeting.id());
                if (given != null) {
                    answers += given.answers();
                    total += given.scoreTotal();
                }
            }
            rows.add(Arrays.asList(hostId, ofHost.get(0).plan().hostName(), ofHost.size(), answers,
                    answers == 0 ? null : average(total, answers)));
        });
        ReportTable table = ReportTable.of("surveyByHost", List.of("host_id", "host", "meetings", "answers",
                "average_score"), rows);
        return feedback.isEmpty() ? table.noted(NO_ANSWERS_YET) : table;
    }

    private static ReportTable summary(List<ScheduledDelegate> people, List<Meeting> confirmed,
            Map<UUID, Attendance> attendance, Map<UUID, Feedback> feedback) {
        int checkedIn = attendance.values().stream().mapToInt(Attendance::checkedIn).sum();
        int noShows = attendance.values().stream().mapToInt(Attendance::noShows).sum();
        int answers = feedback.values().stream().mapToInt(Feedback::answers).sum();
        int scores = feedback.values().stream().mapToInt(Feedback::scoreTotal).sum();
        List<List<Object>> rows = List.of(
                Arrays.asList("delegates", people.size()),
                Arrays.asList("approved", people.stream().filter(ScheduledDelegate::schedulable).count()),
                Arrays.asList("hosts", byHost(confirmed).size()),
                Arrays.asList("confirmed_meetings", confirmed.size()),
                Arrays.asList("attendee_seats", confirmed.stream().mapToInt(meeting -> meeting.attendeeIds().size()).sum()),
                Arrays.asList("attendance_rate", attendance.isEmpty() ? null : rate(checkedIn, checkedIn + noShows)),
                Arrays.asList("no_show_rate", attendance.isEmpty() ? null : rate(noShows, checkedIn + noShows)),
                Arrays.asList("survey_answers", answers),
                Arrays.asList("average_score", answers == 0 ? null : average(scores, answers)));
        return ReportTable.of("summary", List.of("measure", "value"), rows);
    }

    /** Rows of a key and its two counts, the largest first count first, then by key. */
    private static List<List<Object>> largestFirst(Map<String, long[]> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> rows.add(List.of(entry.getKey(), entry.getValue()[0], entry.getValue()[1])));
        return rows;
    }

    /** The convoy's confirmed meetings per host, hosts by name. */
    private static Map<String, List<Meeting>> byHost(List<Meeting> confirmed) {
        Map<String, List<Meeting>> hosts = new LinkedHashMap<>();
        confirmed.stream().sorted(Comparator.comparing((Meeting meeting) -> meeting.plan().hostName())
                .thenComparing(Meeting::startsAt))
                .forEach(meeting -> hosts.computeIfAbsent(meeting.hostId(), id -> new ArrayList<>()).add(meeting));
        return hosts;
    }

    /** A share from 0 to 1, to three decimals; {@code null} when nobody was expected. */
    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    static BigDecimal average(int total, int count) {
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
