package org.convoy.scheduling.host.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.convoy.scheduling.PlanProblemException;
import org.convoy.scheduling.edition.Editions;
import org.convoy.scheduling.edition.domain.Edition;
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
    private final Editions editions;

    HostController(Hosts hosts, Editions editions) {
        this.hosts = hosts;
        this.editions = editions;
    }

    @GetMapping
    List<HostView> all(@PathVariable String convoyId) {
        Edition edition = editions.get(convoyId);
        return hosts.of(convoyId).stream().map(host -> HostView.of(host, edition)).toList();
    }

    @GetMapping("/{hostId}")
    HostView one(@PathVariable String convoyId, @PathVariable String hostId) {
        return HostView.of(hosts.get(convoyId, hostId), editions.get(convoyId));
    }

    @PostMapping
    ResponseEntity<HostView> add(@PathVariable String convoyId, @Valid @RequestBody HostRequest request) {
        if (request.hostId() == null) {
            throw new PlanProblemException("hostId", "must not be null");
        }
        Host host = hosts.create(convoyId, request.toInput(request.hostId()));
        return ResponseEntity.created(URI.create("/api/scheduling/convoys/" + convoyId + "/hosts/" + host.hostId()))
                .body(HostView.of(host, editions.get(convoyId)));
    }

    @PutMapping("/{hostId}")
    HostView change(@PathVariable String convoyId, @PathVariable String hostId, @Valid @RequestBody HostRequest request) {
        if (request.hostId() != null && !request.hostId().equals(hostId)) {
            throw new PlanProblemException("hostId", "a host's id cannot change");
        }
        return HostView.of(hosts.update(convoyId, hostId, request.toInput(hostId)), editions.get(convoyId));
    }

    @DeleteMapping("/{hostId}")
    ResponseEntity<Void> remove(@PathVariable String convoyId, @PathVariable String hostId) {
        hosts.delete(convoyId, hostId);
        return ResponseEntity.noContent().build();
    }
}
