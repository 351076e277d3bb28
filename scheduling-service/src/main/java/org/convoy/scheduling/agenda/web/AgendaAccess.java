package org.convoy.scheduling.agenda.web;

import java.util.UUID;

import org.convoy.support.links.PersonalLinks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read a delegate's agenda: organizers (their token), and the delegate with their personal link. A link
 * for another delegate is refused, as is no credential at all.
 */
@Component
class AgendaAccess {

    private final PersonalLinks links;

    AgendaAccess(PersonalLinks links) {
        this.links = links;
    }

    void check(UUID delegateId, String linkToken) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals("ROLE_ORGANIZER") || role.equals("ROLE_ADMIN"))) {
            return;
        }
        if (linkToken == null || linkToken.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "This agenda is read with the delegate's personal "
                    + "link (header " + PersonalLinks.HEADER + ") or an organizer's token.");
        }
        UUID holder = links.verify(linkToken).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "This personal link is not valid or has expired; ask for a new one."));
        if (!holder.equals(delegateId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "A personal link opens only its own delegate's agenda.");
        }
    }
}
