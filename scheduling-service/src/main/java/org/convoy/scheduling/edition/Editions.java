package org.convoy.scheduling.edition;

import org.convoy.scheduling.edition.domain.Edition;
import org.convoy.scheduling.edition.domain.EditionRepository;
import org.springframework.stereotype.Component;

/** Finds convoy editions for the rest of the service, refusing unknown ones in one way everywhere. */
@Component
public class Editions {

    private final EditionRepository editions;

    Editions(EditionRepository editions) {
        this.editions = editions;
    }

    public Edition get(String convoyId) {
        return editions.findById(convoyId).orElseThrow(() -> new UnknownConvoyException(convoyId));
    }
}
