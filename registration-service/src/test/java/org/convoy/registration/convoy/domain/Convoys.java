package org.convoy.registration.convoy.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.convoy.registration.delegate.domain.Vocabulary.Role;

/** Object Mother for convoys with a given number of places, some of them limited by role. */
final class Convoys {

    private Convoys() {
    }

    /** A convoy of {@code total} places, every role limited by the total only. */
    static Convoy withPlaces(int total) {
        return withPlaces(new Convoy.Capacity(total, Map.of()));
    }

    /** A convoy of {@code total} places of which each named role may take at most its limit. */
    static Convoy withPlaces(int total, RoleLimit... limits) {
        Map<String, Integer> byRole = new LinkedHashMap<>();
        for (RoleLimit limit : limits) {
            byRole.put(limit.role().name(), limit.most());
        }
        return withPlaces(new Convoy.Capacity(total, Map.copyOf(byRole)));
    }

    static Convoy withPlaces(Convoy.Capacity capacity) {
        return Convoy.open("california-2026", "Misión comercial California 2026", LocalDate.of(2026, 5, 10),
                LocalDate.of(2026, 5, 16), LocalDate.of(2027, 5, 16), capacity);
    }

    /** No more than {@code most} places for {@code role}. */
    static RoleLimit atMost(int most, Role role) {
        return new RoleLimit(role, most);
    }

    record RoleLimit(Role role, int most) {
    }
}
