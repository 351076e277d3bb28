package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.convoy.scheduling.attendance.domain.MeetingAttendance;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.meeting.domain.StoredMeeting;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** Every way scheduling reads its collections has its index, created when the service starts. */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class StoreIndexesIT {

    @Autowired
    MongoOperations mongo;

    @Test
    void everyQueryPathHasItsIndex() {
        assertThat(names(StoredMeeting.class)).contains("by_convoy_day", "by_convoy_status", "by_convoy_host",
                "by_attendee", "by_convoy");
        assertThat(names(ScheduledDelegate.class)).contains("by_convoy");
        assertThat(names(Host.class)).contains("by_convoy", "by_host");
        assertThat(names(MeetingAttendance.class)).contains("by_convoy");
        assertThat(mongo.indexOps("processed_events").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("forgotten_after");
    }

    private List<String> names(Class<?> type) {
        return mongo.indexOps(type).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
