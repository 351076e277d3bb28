package org.convoy.scheduling.host.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.convoy.support.problem.FieldProblemException;
import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.host.Hosts;
import org.convoy.scheduling.host.domain.Host;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The host catalogue of a convoy, kept by organizers. */
@RestController
@RequestMapping("/api/scheduling/convoys/{convoyId}/hosts")
class HostController {

    private final Hosts hosts;
    private final Convoys convoys;

    HostController(Hosts hosts, Convoys convoys) {
        this.hosts = hosts;
        this.convoys = convoys;
    }

    @GetMapping
    List<HostView> all(@PathVariable String convoyId) {
        Convoy convoy = convoys.get(convoyId);
        return hosts.of(convoyId).stream().map(host -> HostView.of(host, convoy)).toList();
    }

    @GetMapping("/{hostId}")
    HostView one(@PathVariable String convoyId, @PathVariable String hostId) {
        return HostView.of(hosts.get(convoyId, hostId), convoys.get(convoyId));
    }

    @PostMapping
    ResponseEntity<HostView> add(@PathVariable String convoyId, @Valid @RequestBody HostRequest request) {
        if (request.hostId() == null) {
            throw new FieldProblemException("hostId", "must not be null");
        }
        Host host = hosts.create(convoyId, request.toInput(request.hostId()));
        return ResponseEntity.created(URI.create("/api/scheduling/convoys/" + convoyId + "/hosts/" + host.hostId()))
                .body(HostView.of(host, convoys.get(convoyId)));
    }

    @PutMapping("/{hostId}")
    HostView change(@PathVariable String convoyId, @PathVariable String hostId, @Valid @RequestBody HostRequest request) {
        if (request.hostId() != null && !request.hostId().equals(hostId)) {
            throw new FieldProblemException("hostId", "a host's id cannot change");
        }
        return HostView.of(hosts.update(convoyId, hostId, request.toInput(hostId)), convoys.get(convoyId));
    }

    /** A host of the directory takes part in this convoy, with what the directory says of it. */
    @PostMapping("/{hostId}/participation")
    ResponseEntity<HostView> takePart(@PathVariable String convoyId, @PathVariable String hostId,
            @Valid @RequestBody ParticipationRequest request) {
        Host host = hosts.takePart(convoyId, hostId, request.city(), request.windows());
        return ResponseEntity.created(URI.create("/api/scheduling/convoys/" + convoyId + "/hosts/" + host.hostId()))
                .body(HostView.of(host, convoys.get(convoyId)));
    }

    @DeleteMapping("/{hostId}")
    ResponseEntity<Void> remove(@PathVariable String convoyId, @PathVariable String hostId) {
        hosts.delete(convoyId, hostId);
        return ResponseEntity.noContent().build();
    }
}
