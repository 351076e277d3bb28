package org.convoy.registration.delegate.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** How request values become profile values: trimmed, blanks dropped, choices as their names. */
final class Profiles {

    private Profiles() {
    }

    static List<String> names(Collection<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }

    static Set<String> channelNames(Collection<? extends Enum<?>> values) {
        return new TreeSet<>(names(values));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
