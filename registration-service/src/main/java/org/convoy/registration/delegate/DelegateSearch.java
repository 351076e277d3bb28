package org.convoy.registration.delegate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.convoy.registration.delegate.domain.Member;
import org.convoy.registration.delegate.domain.Registration;
import org.convoy.registration.delegate.domain.RegistrationStatus;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * The organizers' list of a convoy's delegates, one page at a time: the store finds the delegates that match, puts
 * them in order (family name, given name, then who registered first) and returns the page alone. Reading every
 * registration of the convoy into the service for each page took seconds once a convoy had thousands. The export
 * reads the whole list in the same order ({@link #all}).
 */
@Service
public class DelegateSearch {

    private final MongoOperations mongo;

    DelegateSearch(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** What to narrow the list to; a {@code null} narrows nothing. */
    public record Filters(String state, String role, String sector, String axis, RegistrationStatus status) {
    }

    /** A delegate on a page, with their group's id and when it registered. */
    public record Row(UUID groupId, Instant submittedAt, Member member) {
    }

    public record Found(List<Row> rows, long total) {
    }

    public Found search(String convoyId, Filters filters, int page, int size) {
        List<Document> counting = new ArrayList<>(matching(convoyId, filters));
        counting.add(new Document("$count", "total"));
        Document counted = collection().aggregate(counting).first();
        long total = counted == null ? 0 : ((Number) counted.get("total")).longValue();
        return new Found(rows(convoyId, filters, (long) page * size, size), total);
    }

    /** Every listed delegate of the convoy, in the same order as the pages. */
    public List<Row> all(String convoyId) {
        return rows(convoyId, new Filters(null, null, null, null, null), 0, 0);
    }

    /** @param limit at most this many, or all when 0 */
    private List<Row> rows(String convoyId, Filters filters, long skip, int limit) {
        List<Document> paging = new ArrayList<>(matching(convoyId, filters));
        paging.add(new Document("$addFields", new Document("familyOrder",
                new Document("$toLower", "$members.profile.familyName")).append("givenOrder",
                new Document("$toLower", "$members.profile.givenName"))));
        paging.add(new Document("$sort", new Document("familyOrder", 1).append("givenOrder", 1)
                .append("submittedAt", 1).append("memberIndex", 1)));
        if (skip > 0) {
            paging.add(new Document("$skip", skip));
        }
        if (limit > 0) {
            paging.add(new Document("$limit", limit));
        }
        paging.add(new Document("$project", new Document("members", 1).append("submittedAt", 1)));
        List<Row> rows = new ArrayList<>();
        for (Document found : collection().aggregate(paging)) {
            Member member = mongo.getConverter().read(Member.class, (Document) found.get("members"));
            rows.add(new Row(mongo.getConverter().getConversionService().convert(found.get("_id"), UUID.class),
                    found.getDate("submittedAt").toInstant(), member));
        }
        return rows;
    }

    private static List<Document> matching(String convoyId, Filters filters) {
        return List.of(
                new Document("$match", new Document("convoyId", convoyId)),
                new Document("$unwind", new Document("path", "$members").append("includeArrayIndex", "memberIndex")),
                new Document("$match", delegatesMatching(filters)));
    }

    /** Listed delegates (their places decided, not erased) that pass every filter given. */
    private static Document delegatesMatching(Filters filters) {
        List<Document> all = new ArrayList<>();
        all.add(new Document("members.status", new Document("$nin",
                List.of(RegistrationStatus.RECEIVED.name(), RegistrationStatus.ERASED.name()))));
        if (filters.status() != null) {
            all.add(new Document("members.status", filters.status().name()));
        }
        if (filters.state() != null) {
            all.add(new Document("members.profile.state", filters.state()));
        }
        if (filters.role() != null) {
            all.add(new Document("members.profile.role", filters.role()));
        }
        if (filters.sector() != null) {
            all.add(new Document("members.profile.sectors", filters.sector()));
        }
        if (filters.axis() != null) {
            all.add(new Document("members.profile.axes", filters.axis()));
        }
        return new Document("$and", all);
    }

    private com.mongodb.client.MongoCollection<Document> collection() {
        return mongo.getCollection(Registration.COLLECTION);
    }
}
