package org.convoy.registration.convoy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.convoy.registration.delegate.domain.Vocabulary.Role;

/** Object Mother for groups as the places ledger sees them: how many members of each role they bring. */
final class Groups {

    private Groups() {
    }

    /** A group with one member of each role given (a role given twice is two members). */
    static Map<String, Integer> of(Role... members) {
        return ofRoles(List.of(members).stream().map(Role::name).toList());
    }

    /** A group with one member of each role named, including roles outside the vocabulary. */
    static Map<String, Integer> ofRoles(Collection<String> members) {
        Map<String, Integer> counts = new TreeMap<>();
        members.forEach(role -> counts.merge(role, 1, Integer::sum));
        return Map.copyOf(counts);
    }

    /** A mayor travelling with {@code staff} members of staff. */
    static Map<String, Integer> mayorWithStaff(int staff) {
        return staff == 0 ? Map.of(Role.MAYOR.name(), 1) : Map.of(Role.MAYOR.name(), 1, Role.STAFF.name(), staff);
    }

    /** {@code count} business delegates travelling together. */
    static Map<String, Integer> businessDelegates(int count) {
        return Map.of(Role.BUSINESS_DELEGATE.name(), count);
    }

    /** {@code count} members of staff travelling together. */
    static Map<String, Integer> staff(int count) {
        return Map.of(Role.STAFF.name(), count);
    }

    /** How many places the group needs in all. */
    static int size(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
