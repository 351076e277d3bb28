package org.convoy.scheduling.delegate.messaging;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateErased;
import org.convoy.events.DelegateEvent;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateWaitlisted;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateUpdated;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.scheduling.delegate.DelegateDeparted;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate.Status;
import org.convoy.support.personal.DelegateKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ScheduledDelegate} in step with the delegate stream. Every change is an upsert of the fields the
 * event carries, so applying an event twice leaves the same state.
 */
@Component
class DelegateReadModel {

    private static final Logger log = LoggerFactory.getLogger(DelegateReadModel.class);

    private final MongoOperations mongo;
    private final DelegateKeyring keyring;
    private final ApplicationEventPublisher departures;

    DelegateReadModel(MongoOperations mongo, DelegateKeyring keyring, ApplicationEventPublisher departures) {
        this.mongo = mongo;
        this.keyring = keyring;
        this.departures = departures;
    }

    /** The profile is sealed with the delegate's key; once they are erased (key destroyed) there is nothing to keep. */
    void registered(DelegateRegistered event) {
        keyring.profileOf(event).ifPresent(profile -> upsert(event, profile(profile).set("status", Status.SUBMITTED)));
    }

    void updated(DelegateUpdated event) {
        keyring.profileOf(event).ifPresent(profile -> {
            Update update = profile(profile);
            if (event.reviewRequired()) {
                update.set("status", Status.SUBMITTED);
            }
            upsert(event, update);
        });
    }

    void waitlisted(DelegateWaitlisted event) {
        upsert(event, new Update().set("status", Status.WAITLISTED));
    }

    void promoted(DelegatePromoted event) {
        upsert(event, new Update().set("status", Status.SUBMITTED));
    }

    void approved(DelegateApproved event) {
        upsert(event, new Update().set("status", Status.APPROVED));
    }

    void rejected(DelegateRejected event) {
        upsert(event, new Update().set("status", Status.REJECTED));
    }

    /** A withdrawn delegate leaves the meetings that have not started (the meeting feature hears of the departure). */
    void withdrawn(DelegateWithdrawn event) {
        upsert(event, new Update().set("status", Status.WITHDRAWN));
        departures.publishEvent(new DelegateDeparted(event.convoyId(), event.delegateId(), false));
    }

    void erased(DelegateErased event) {
        departures.publishEvent(new DelegateDeparted(event.convoyId(), event.delegateId(), true));
        mongo.remove(byId(event), ScheduledDelegate.class);
        log.atInfo().addKeyValue("delegateId", event.delegateId()).log("Delegate erased from the scheduling read model");
    }

    private void upsert(DelegateEvent event, Update update) {
        update.set("convoyId", event.convoyId()).set("updatedAt", event.occurredAt());
        mongo.upsert(byId(event), update, ScheduledDelegate.class);
        log.atDebug().addKeyValue("delegateId", event.delegateId()).addKeyValue("eventId", event.eventId())
                .log("Delegate read model updated");
    }

    private static Update profile(DelegateProfile profile) {
        return new Update()
                .set("givenName", profile.givenName())
                .set("familyName", profile.familyName())
                .set("role", profile.role())
                .set("state", profile.state())
                .set("municipality", profile.municipality())
                .set("organization", profile.organization())
                .set("position", profile.position())
                .set("sectors", profile.sectors())
                .set("axes", profile.axes())
                .set("shareWithHosts", profile.sharesWithHosts())
                .set("preferredLanguage", profile.preferredLanguage());
    }

    private static Query byId(DelegateEvent event) {
        return Query.query(Criteria.where("_id").is(event.delegateId()));
    }

}
