package org.convoy.scheduling.meeting;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Schedules written before a meeting held its plan kept the plan's fields on the meeting itself. At start-up they are
 * rewritten in the current shape ({@code {id, plan: {...}, status, sequence, ...}}), each schedule in one write
 * guarded by its version, so nothing a running instance saved meanwhile is overwritten.
 */
@Component
class MeetingShapeUpgrade implements SmartInitializingSingleton {

    static final List<String> PLAN_FIELDS = List.of("hostId", "hostName", "venue", "address", "city", "cityName",
            "startsAt", "endsAt", "zone", "axis", "sector", "title", "attendeeIds");

    private static final Logger log = LoggerFactory.getLogger(MeetingShapeUpgrade.class);

    private final MongoOperations mongo;

    MeetingShapeUpgrade(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int upgraded = upgrade();
        if (upgraded > 0) {
            log.atInfo().addKeyValue("schedules", upgraded).log("Stored meetings rewritten with their plan");
        }
    }

    /** @return how many schedules were rewritten */
    int upgrade() {
        Query old = Query.query(Criteria.where("meetings").elemMatch(Criteria.where("plan").exists(false)));
        int upgraded = 0;
        for (Document schedule : mongo.find(old, Document.class, Schedule.COLLECTION)) {
            List<Document> meetings = new ArrayList<>();
            for (Document meeting : schedule.getList("meetings", Document.class, List.of())) {
                meetings.add(meeting.containsKey("plan") ? meeting : withPlan(meeting));
            }
            Query unchanged = Query.query(Criteria.where("_id").is(schedule.get("_id"))
                    .and("version").is(schedule.get("version")));
            Document upgradedSchedule = new Document(schedule).append("meetings", meetings)
                    .append("version", nextVersion(schedule.get("version")));
            if (mongo.findAndReplace(unchanged, upgradedSchedule, Schedule.COLLECTION) != null) {
                upgraded++;
            }
        }
        return upgraded;
    }

    private static Document withPlan(Document meeting) {
        Document plan = new Document();
        Document rest = new Document();
        meeting.forEach((field, value) -> {
            if (PLAN_FIELDS.contains(field)) {
                plan.append(field, value);
            } else {
                rest.append(field, value);
            }
        });
        return rest.append("plan", plan);
    }

    private static Object nextVersion(Object version) {
        return version instanceof Number number ? number.longValue() + 1 : 1L;
    }
}
