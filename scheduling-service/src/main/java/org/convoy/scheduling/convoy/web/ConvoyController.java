package org.convoy.scheduling.convoy.web;

import java.util.List;

import org.convoy.scheduling.convoy.Convoys;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Convoys: days, cities, zone and travel times, as planning uses them. */
@RestController
@RequestMapping("/api/scheduling/convoys")
class ConvoyController {

    private final Convoys convoys;

    ConvoyController(Convoys convoys) {
        this.convoys = convoys;
    }

    @GetMapping
    List<ConvoyView> all() {
        return convoys.all().stream().map(ConvoyView::of).toList();
    }

    @GetMapping("/{convoyId}")
    ConvoyView one(@PathVariable String convoyId) {
        return ConvoyView.of(convoys.get(convoyId));
    }
}
