package org.convoy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

/** Which queries an index narrows: those naming all its fields with plain values, whatever else they name. */
class IndexedQueriesTest {

    @Test
    void thePrimaryKeyNarrowsAnOptimisticLockedSave() {
        var primaryKey = new NarrowingIndex<>(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false),
                false);

        assertThat(primaryKey.canHandle(new Document("_id", 7).append("version", 3))).isTrue();
        assertThat(primaryKey.canHandle(new Document("_id", 7))).isTrue();
        assertThat(primaryKey.canHandle(new Document("version", 3))).isFalse();
        assertThat(primaryKey.canHandle(new Document("_id", new Document("$gt", 7)).append("version", 3))).isFalse();
        assertThat(primaryKey.canHandle(new Document("_id", null).append("version", 3))).isFalse();
    }

    @Test
    void aSecondaryIndexNarrowsQueriesOnAllItsFieldsOnly() {
        var byConvoyAndState = new SecondaryIndex<Integer>("by_convoy_and_state",
                List.of(new IndexKey("convoyId", true), new IndexKey("state", true)), false);

        assertThat(byConvoyAndState.canHandle(new Document("convoyId", "ca-2023").append("state", "HELD")
                .append("version", 2))).isTrue();
        assertThat(byConvoyAndState.canHandle(new Document("convoyId", "ca-2023"))).isFalse();
        assertThat(byConvoyAndState.canHandle(new Document("convoyId", "ca-2023")
                .append("state", new Document("$in", List.of("HELD"))))).isFalse();
        assertThat(byConvoyAndState.canHandle(new Document("convoyId", "ca-2023").append("state", List.of("HELD"))))
                .isFalse();
    }

    @Test
    void anIndexOnOneFieldNarrowsAChoiceOfValues() {
        var byStatus = new SecondaryIndex<Integer>("by_status", List.of(new IndexKey("status", true)), false);
        byStatus.add(new Document("_id", 1).append("status", "SENT"), 1, null);
        byStatus.add(new Document("_id", 2).append("status", "RETRYING"), 2, null);
        byStatus.add(new Document("_id", 3).append("status", "DEFERRED"), 3, null);

        Document due = new Document("status", new Document("$in", List.of("RETRYING", "DEFERRED")))
                .append("nextAttemptAt", new Document("$lte", 5));

        assertThat(byStatus.canHandle(due)).isTrue();
        assertThat(byStatus.getPositions(due)).containsExactlyInAnyOrder(2, 3);
        assertThat(byStatus.canHandle(new Document("status", new Document("$nin", List.of("SENT"))))).isFalse();
    }

    @Test
    void aSecondaryIndexFindsADocumentByAnyValueOfAnArray() {
        var byMember = new SecondaryIndex<Integer>("by_member", List.of(new IndexKey("members.id", true)), false);
        Document group = new Document("_id", "g1").append("members",
                List.of(new Document("id", "d1"), new Document("id", "d2")));

        byMember.add(group, 4, null);

        assertThat(byMember.getPositions(new Document("members.id", "d2"))).containsExactly(4);
        assertThat(byMember.getPositions(new Document("members.id", "d3"))).isEmpty();
        assertThat(byMember.remove(group)).isEqualTo(4);
        assertThat(byMember.getPositions(new Document("members.id", "d1"))).isEmpty();
        assertThat(byMember.getCount()).isZero();
    }
}
