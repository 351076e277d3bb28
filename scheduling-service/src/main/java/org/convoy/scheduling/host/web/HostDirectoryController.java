package org.convoy.scheduling.host.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.convoy.scheduling.host.HostDirectory;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.security.OrganizerScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host directory, kept by organizers: host organizations, their contacts and venues, across convoys. Every
 * organizer reads it; only organizers of every convoy change it (403 for one limited to some convoys), since its
 * hosts serve every convoy.
 */
@RestController
@RequestMapping("/api/scheduling/hosts")
class HostDirectoryController {

    private static final String EVERY_CONVOY = "The host directory serves every convoy: organizers of every convoy "
            + "change it.";

    private final HostDirectory directory;
    private final OrganizerScope scope;

    HostDirectoryController(HostDirectory directory, OrganizerScope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    @GetMapping
    List<DirectoryHostView> all(@RequestParam(required = false) String city) {
        return directory.all(city).stream().map(DirectoryHostView::of).toList();
    }

    @GetMapping("/{hostId}")
    DirectoryHostView one(@PathVariable String hostId) {
        return DirectoryHostView.of(directory.get(hostId));
    }

    @PostMapping
    ResponseEntity<DirectoryHostView> add(@Valid @RequestBody DirectoryHostRequest request) {
        scope.requireEveryConvoy(EVERY_CONVOY);
        if (request.hostId() == null) {
            throw new FieldProblemException("hostId", "must not be null");
        }
        DirectoryHostView added = DirectoryHostView.of(directory.create(request.toInput(request.hostId())));
        return ResponseEntity.created(URI.create("/api/scheduling/hosts/" + added.hostId())).body(added);
    }

    @PutMapping("/{hostId}")
    DirectoryHostView change(@PathVariable String hostId, @Valid @RequestBody DirectoryHostRequest request) {
        scope.requireEveryConvoy(EVERY_CONVOY);
        if (request.hostId() != null && !request.hostId().equals(hostId)) {
            throw new FieldProblemException("hostId", "a host's id cannot change");
        }
        return DirectoryHostView.of(directory.update(hostId, request.toInput(hostId)));
    }

    @DeleteMapping("/{hostId}")
    ResponseEntity<Void> remove(@PathVariable String hostId) {
        scope.requireEveryConvoy(EVERY_CONVOY);
        directory.delete(hostId);
        return ResponseEntity.noContent().build();
    }
}
