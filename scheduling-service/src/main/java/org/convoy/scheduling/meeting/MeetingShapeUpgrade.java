package org.convoy.scheduling.meeting;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.ScheduleHead;
import org.convoy.scheduling.meeting.domain.StoredMeeting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings meetings stored by earlier versions into today's shape at start-up, before anything reads them
 * ({@link ScheduleStore} runs it first):
 * <ol>
 * <li>schedules written before a meeting held its plan kept the plan's fields on the meeting itself; they are
 * rewritten in the shape {@code {id, plan: {...}, status, sequence, ...}}, each schedule in one write guarded by its
 * version;</li>
 * <li>schedules written before each meeting had its own document held every meeting in a {@code meetings} list;
 * each becomes a {@link StoredMeeting} (a meeting already moved is left as it is), then the list goes.</li>
 * </ol>
 */
@Component
class MeetingShapeUpgrade {

    static final List<String> PLAN_FIELDS = List.of("hostId", "hostName", "venue", "address", "city", "cityName",
            "startsAt", "endsAt", "zone", "axis", "sector", "title", "attendeeIds");

    private static final Logger log = LoggerFactory.getLogger(MeetingShapeUpgrade.class);

    private final MongoOperations mongo;

    MeetingShapeUpgrade(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void run() {
        int upgraded = upgrade();
        if (upgraded > 0) {
            log.atInfo().addKeyValue("schedules", upgraded).log("Stored meetings rewritten with their plan");
        }
        int moved = split();
        if (moved > 0) {
            log.atInfo().addKeyValue("meetings", moved).log("Stored meetings moved to documents of their own");
        }
    }

    /** @return how many meetings were moved to documents of their own */
    int split() {
        int moved = 0;
        Query old = Query.query(Criteria.where("meetings").exists(true));
        for (Document schedule : mongo.find(old, Document.class, ScheduleHead.COLLECTION)) {
            String convoyId = schedule.get("_id").toString();
            for (Document stored : schedule.getList("meetings", Document.class, List.of())) {
                Meeting meeting = mongo.getConverter().read(Meeting.class, stored);
                try {
                    mongo.insert(StoredMeeting.of(convoyId, meeting, 1));
                    moved++;
                } catch (DuplicateKeyException movedBefore) {
                    // An earlier start moved it and stopped before the list went.
                }
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(schedule.get("_id"))),
                    new Update().unset("meetings").inc("version", 1), ScheduleHead.COLLECTION);
        }
        return moved;
    }

    /** @return how many schedules were rewritten */
    int upgrade() {
        Query old = Query.query(Criteria.where("meetings").elemMatch(Criteria.where("plan").exists(false)));
        int upgraded = 0;
        for (Document schedule : mongo.find(old, Document.class, ScheduleHead.COLLECTION)) {
            List<Document> meetings = new ArrayList<>();
            for (Document meeting : schedule.getList("meetings", Document.class, List.of())) {
                meetings.add(meeting.containsKey("plan") ? meeting : withPlan(meeting));
            }
            Query unchanged = Query.query(Criteria.where("_id").is(schedule.get("_id"))
                    .and("version").is(schedule.get("version")));
            Document upgradedSchedule = new Document(schedule).append("meetings", meetings)
                    .append("version", nextVersion(schedule.get("version")));
            if (mongo.findAndReplace(unchanged, upgradedSchedule, ScheduleHead.COLLECTION) != null) {
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
