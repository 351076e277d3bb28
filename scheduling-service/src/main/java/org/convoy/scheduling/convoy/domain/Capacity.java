package org.convoy.scheduling.convoy.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The convoy's places: how many each role has, and their total.
 *
 * @param byRole places per role, by the role's code ({@link #ROLES})
 */
public record Capacity(int total, Map<String, Integer> byRole) {

    /** The roles delegates register in. */
    public static final List<String> ROLES = List.of("MAYOR", "STATE_REPRESENTATIVE", "BUSINESS_DELEGATE", "STAFF");

    public Capacity {
        byRole = byRole == null ? Map.of() : new TreeMap<>(byRole);
    }

    public int of(String role) {
        return byRole.getOrDefault(role, 0);
    }
}
