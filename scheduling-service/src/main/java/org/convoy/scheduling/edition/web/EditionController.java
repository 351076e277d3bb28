package org.convoy.scheduling.edition.web;

import java.util.List;

import org.convoy.scheduling.edition.Editions;
import org.convoy.scheduling.edition.domain.Edition;
import org.convoy.scheduling.edition.domain.EditionRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Convoy editions: days, cities, zone and travel times, as planning uses them. */
@RestController
@RequestMapping("/api/scheduling/convoys")
class EditionController {

    private final EditionRepository repository;
    private final Editions editions;

    EditionController(EditionRepository repository, Editions editions) {
        this.repository = repository;
        this.editions = editions;
    }

    @GetMapping
    List<Edition> all() {
        return repository.findAll();
    }

    @GetMapping("/{convoyId}")
    Edition one(@PathVariable String convoyId) {
        return editions.get(convoyId);
    }
}
