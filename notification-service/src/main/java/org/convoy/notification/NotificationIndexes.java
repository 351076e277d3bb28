package org.convoy.notification;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.deadletter.domain.DeadLetter;
import org.convoy.notification.meeting.domain.CheckedInAttendee;
import org.convoy.notification.meeting.domain.MeetingCopy;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of notification's copies and dead letters when the service starts: a convoy's contacts (new
 * dates told to those still taking part; a scoped organizer's delivery log), the meetings not cancelled (the
 * day-before agenda) and by their start (reminders), the check-ins still owed a survey (by the meeting's end), and
 * dead letters by status, by key and by the delegates they name (the organizers' list, its search by delegate, and
 * erasure). The delivery log's are {@code NoticeIndexes}'.
 */
@Component
class NotificationIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    NotificationIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Contact.class).createIndex(new Index().on("convoyId", Sort.Direction.ASC).named("by_convoy"));
        mongo.indexOps(MeetingCopy.class).createIndex(new Index().on("cancelled", Sort.Direction.ASC)
                .named("by_cancelled"));
        mongo.indexOps(MeetingCopy.class).createIndex(new Index().on("details.startsAt", Sort.Direction.ASC)
                .named("by_start"));
        mongo.indexOps(CheckedInAttendee.class).createIndex(new Index().on("surveyed", Sort.Direction.ASC)
                .on("endsAt", Sort.Direction.ASC).named("by_survey_due"));
        var deadLetters = mongo.indexOps(DeadLetter.class);
        deadLetters.createIndex(new Index().on("status", Sort.Direction.ASC).named("by_status"));
        deadLetters.createIndex(new Index().on("key", Sort.Direction.ASC).named("by_key"));
        deadLetters.createIndex(new Index().on("delegateIds", Sort.Direction.ASC).named("by_delegate"));
    }
}
