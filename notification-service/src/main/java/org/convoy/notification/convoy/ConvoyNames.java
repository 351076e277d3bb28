package org.convoy.notification.convoy;

import java.util.Optional;

import org.convoy.events.ConvoyDetails;
import org.convoy.events.ConvoyPublished;
import org.convoy.notification.convoy.domain.ConvoyCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The convoys as notices name them, kept from the convoy stream; a publication older than the copy changes nothing. */
@Service
public class ConvoyNames {

    private static final Logger log = LoggerFactory.getLogger(ConvoyNames.class);

    private final MongoOperations mongo;

    ConvoyNames(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void published(ConvoyPublished event) {
        Query newer = Query.query(Criteria.where("_id").is(event.convoyId()).and("sequence").lte(event.sequence()));
        boolean known = mongo.exists(Query.query(Criteria.where("_id").is(event.convoyId())), ConvoyCopy.class);
        if (known) {
            mongo.updateFirst(newer, new Update().set("sequence", event.sequence()).set("details", event.details()),
                    ConvoyCopy.class);
        } else {
            mongo.save(new ConvoyCopy(event.convoyId(), event.sequence(), event.details()));
        }
        log.atInfo().addKeyValue("convoyId", event.convoyId()).addKeyValue("sequence", event.sequence())
                .log("Convoy copy updated");
    }

    /** The convoy as last published, if the convoy stream has told of it. */
    public Optional<ConvoyDetails> details(String convoyId) {
        return Optional.ofNullable(mongo.findById(convoyId, ConvoyCopy.class)).map(ConvoyCopy::details);
    }

    /**
     * The convoy's name in the language given, as a delegate reads it. Until the convoy stream has told of the convoy
     * (it is published when it is created, long before anyone registers), its id stands in.
     */
    public String of(String convoyId, String language) {
        ConvoyCopy copy = mongo.findById(convoyId, ConvoyCopy.class);
        String name = copy == null ? null : copy.details().name(language);
        if (name == null) {
            log.atWarn().addKeyValue("convoyId", convoyId).log("Convoy not known yet; named by its id");
            return convoyId;
        }
        return name;
    }
}
