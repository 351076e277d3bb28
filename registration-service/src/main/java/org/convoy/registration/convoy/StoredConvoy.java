package org.convoy.registration.convoy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.registration.convoy.domain.Convoy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A convoy's stored head: what it is, its capacity, the promotions still to tell, and the places written by its
 * last decision ({@code journal}). Its {@code version} fences decisions: each one moves it on by one, and only from
 * the version it read. The places themselves are {@link StoredPlace} documents, one per group.
 *
 * @param journal the places the last decision changed, kept so that a crash before they were all written is
 *                finished by the next reader
 * @param seats   the held places as convoys stored them when the whole ledger was one document; read once to
 *                move them into their own documents
 * @param waitlist the waiting places of that same earlier shape
 */
@Document(StoredConvoy.COLLECTION)
record StoredConvoy(@Id String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
        Convoy.Capacity capacity, List<UUID> promotions, Long nextSequence, List<StoredPlace> journal, Long version,
        List<EarlierPlace> seats, List<EarlierPlace> waitlist) {

    static final String COLLECTION = "convoys";

    static StoredConvoy opened(Convoy convoy) {
        return new StoredConvoy(convoy.id(), convoy.name(), convoy.startsOn(), convoy.endsOn(), convoy.retainUntil(),
                convoy.capacity(), List.of(), 0L, List.of(), 0L, null, null);
    }

    long currentVersion() {
        return version == null ? 0 : version;
    }

    /** A place as the one-document ledger stored it. */
    record EarlierPlace(UUID groupId, Map<String, Integer> counts, Instant since) {
    }
}
