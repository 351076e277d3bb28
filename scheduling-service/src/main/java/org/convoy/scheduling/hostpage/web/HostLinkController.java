package org.convoy.scheduling.hostpage.web;

import java.time.Instant;
import java.util.UUID;

import org.convoy.scheduling.hostpage.HostLinks;
import org.convoy.support.security.OrganizerScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizers send a host contact her personal link to the host page (emailed by notification), or end it and the
 * session it opened. Like the directory, for organizers of every convoy.
 */
@RestController
@RequestMapping("/api/scheduling/hosts/{hostId}/contacts/{contactId}/link")
class HostLinkController {

    private final HostLinks links;
    private final OrganizerScope scope;

    HostLinkController(HostLinks links, OrganizerScope scope) {
        this.links = links;
        this.scope = scope;
    }

    record LinkSent(String hostId, UUID contactId, Instant expiresAt) {
    }

    @PostMapping
    ResponseEntity<LinkSent> send(@PathVariable String hostId, @PathVariable UUID contactId) {
        scope.requireEveryConvoy("Host links serve every convoy: organizers of every convoy send them.");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new LinkSent(hostId, contactId,
                links.issue(hostId, contactId)));
    }

    @DeleteMapping
    ResponseEntity<Void> revoke(@PathVariable String hostId, @PathVariable UUID contactId) {
        scope.requireEveryConvoy("Host links serve every convoy: organizers of every convoy end them.");
        links.revoke(hostId, contactId);
        return ResponseEntity.noContent().build();
    }
}
