package org.convoy.scheduling.convoy;

import java.util.List;

import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyRepository;
import org.springframework.stereotype.Service;

/** Finds convoys for the rest of the service, refusing unknown ones in one way everywhere. */
@Service
public class Convoys {

    private final ConvoyRepository convoys;

    Convoys(ConvoyRepository convoys) {
        this.convoys = convoys;
    }

    public Convoy get(String convoyId) {
        return convoys.findById(convoyId).orElseThrow(() -> new UnknownConvoyException(convoyId));
    }

    public List<Convoy> all() {
        return convoys.findAll();
    }
}
