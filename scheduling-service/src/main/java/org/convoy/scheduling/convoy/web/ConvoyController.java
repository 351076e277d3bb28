package org.convoy.scheduling.convoy.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyStatus;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.security.OrganizerScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Convoys as organizers keep them: created (as a draft, or copied from an earlier convoy), edited while a draft or
 * open, and moved through their statuses. Planning reads days, cities, zones and travel times from here.
 */
@RestController
@RequestMapping("/api/scheduling/convoys")
class ConvoyController {

    private final Convoys convoys;
    private final OrganizerScope scope;

    ConvoyController(Convoys convoys, OrganizerScope scope) {
        this.convoys = convoys;
        this.scope = scope;
    }

    /** Every convoy the organizer may see, the latest first. */
    @GetMapping
    List<ConvoyView> all() {
        return convoys.all().stream().filter(convoy -> scope.covers(convoy.id()))
                .sorted(Comparator.comparing(Convoy::firstDay).reversed()).map(ConvoyView::of).toList();
    }

    @GetMapping("/{convoyId}")
    ConvoyView one(@PathVariable String convoyId) {
        return ConvoyView.of(convoys.get(convoyId));
    }

    @PostMapping
    ResponseEntity<ConvoyView> create(@Valid @RequestBody ConvoyRequest request) {
        scope.requireEveryConvoy("Organizers limited to some convoys do not create convoys.");
        if (request.id() == null) {
            throw new FieldProblemException("id", "must not be null");
        }
        var created = convoys.create(request.id(), request.startsOn(), request.endsOn(), request.definition(),
                request.copyFrom());
        return ResponseEntity.created(URI.create("/api/scheduling/convoys/" + created.id()))
                .body(ConvoyView.of(created));
    }

    @PutMapping("/{convoyId}")
    ConvoyView change(@PathVariable String convoyId, @Valid @RequestBody ConvoyRequest request) {
        if (request.id() != null && !request.id().equals(convoyId)) {
            throw new FieldProblemException("id", "a convoy's id cannot change");
        }
        if (request.copyFrom() != null) {
            throw new FieldProblemException("copyFrom", "is only for creating a convoy");
        }
        return ConvoyView.of(convoys.redefine(convoyId, request.startsOn(), request.endsOn(), request.definition()));
    }

    /** Moves the convoy to another status: open for registration, closed, held, archived. */
    @PostMapping("/{convoyId}/status")
    ConvoyView move(@PathVariable String convoyId, @Valid @RequestBody StatusRequest request) {
        return ConvoyView.of(convoys.move(convoyId, request.status()));
    }

    record StatusRequest(@NotNull ConvoyStatus status) {
    }
}
