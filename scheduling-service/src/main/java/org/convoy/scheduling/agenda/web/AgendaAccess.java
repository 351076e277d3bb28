package org.convoy.scheduling.agenda.web;

import java.util.Optional;
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

    /** Her agenda: an organizer, or the delegate herself with her session. */
    void check(UUID delegateId, String session) {
        if (organizer()) {
            return;
        }
        if (session == null || session.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "This agenda is read with the delegate's session "
                    + "(header " + PersonalLinks.HEADER + ", from opening her personal link) or an organizer's token.");
        }
        own(delegateId, links.verifySession(session));
    }

    /** Her calendar feed: an organizer, her session, or the feed's own read-only token. */
    void checkFeed(UUID delegateId, String session, String feedToken) {
        if (organizer()) {
            return;
        }
        if (session != null && !session.isBlank()) {
            own(delegateId, links.verifySession(session));
            return;
        }
        if (feedToken == null || feedToken.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "This feed is read with its own address, "
                    + "as shown on the delegate's page.");
        }
        own(delegateId, links.verifyCalendar(feedToken));
    }

    private static void own(UUID delegateId, Optional<UUID> holder) {
        UUID who = holder.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "This personal link or session is not valid or has expired; open your link again or ask for a new one."));
        if (!who.equals(delegateId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "A personal link opens only its own delegate's agenda.");
        }
    }

    private static boolean organizer() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals("ROLE_ORGANIZER") || role.equals("ROLE_ADMIN"));
    }
}
