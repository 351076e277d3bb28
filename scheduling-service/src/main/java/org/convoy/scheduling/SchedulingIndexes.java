package org.convoy.scheduling;

import org.convoy.scheduling.attendance.domain.MeetingAttendance;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.hostpage.domain.HostLink;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of scheduling's read model and host catalogue when the service starts: a convoy's delegates
 * (matchmaking, the planner), a convoy's hosts, a convoy's attendance records (no-shows), whether a directory host
 * takes part anywhere, and host contacts' links by code and by session. The meetings' own
 * indexes are {@code ScheduleStore}'s.
 */
@Component
class SchedulingIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    SchedulingIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(ScheduledDelegate.class).createIndex(new Index().on("convoyId", Sort.Direction.ASC)
                .named("by_convoy"));
        var hosts = mongo.indexOps(Host.class);
        hosts.createIndex(new Index().on("convoyId", Sort.Direction.ASC).named("by_convoy"));
        hosts.createIndex(new Index().on("hostId", Sort.Direction.ASC).named("by_host"));
        var links = mongo.indexOps(HostLink.class);
        links.createIndex(new Index().on("codeHash", Sort.Direction.ASC).named("by_code").sparse());
        links.createIndex(new Index().on("sessionId", Sort.Direction.ASC).named("by_session").sparse());
        mongo.indexOps(MeetingAttendance.class).createIndex(new Index().on("convoyId", Sort.Direction.ASC)
                .named("by_convoy"));
    }
}
