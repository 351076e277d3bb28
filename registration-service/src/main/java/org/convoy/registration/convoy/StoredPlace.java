package org.convoy.registration.convoy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.convoy.registration.convoy.domain.Convoy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One group's places in a convoy, as its latest decision left them.
 *
 * @param state   {@code HELD}, {@code WAITLISTED}, or {@code GONE} once the group has left
 * @param version the convoy version whose decision wrote it: an older write arriving late never overwrites it
 */
@Document(StoredPlace.COLLECTION)
record StoredPlace(@Id UUID groupId, String convoyId, Map<String, Integer> counts, Instant since, long sequence,
        String state, long version) {

    static final String COLLECTION = "places";
    static final String GONE = "GONE";

    static StoredPlace of(String convoyId, Convoy.Change change, long version) {
        return change.place()
                .map(place -> new StoredPlace(place.groupId(), convoyId, place.counts(), place.since(),
                        place.sequence(), place.state().name(), version))
                .orElseGet(() -> new StoredPlace(change.groupId(), convoyId, Map.of(), null, 0, GONE, version));
    }

    Optional<Convoy.Place> place() {
        return GONE.equals(state) ? Optional.empty()
                : Optional.of(new Convoy.Place(groupId, counts, since, sequence, Convoy.PlaceDecision.valueOf(state)));
    }
}
