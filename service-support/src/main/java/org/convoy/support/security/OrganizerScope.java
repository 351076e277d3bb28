package org.convoy.support.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.convoy.support.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The convoys the organizer of the current request may see, from her token's {@code convoys} claim: an
 * administrator, and an organizer whose token has no such claim (or an empty one), cover every convoy. Services ask
 * {@link #covers(String)} to filter what they list and call {@link #require(String)} before answering about one
 * convoy; paths listed in {@code convoy.security.convoy-scoped-paths} are checked for them before any controller
 * runs. A request without an organizer token (a delegate's session, a public call) covers no convoy: those calls are
 * not an organizer's, and their own checks apply.
 */
public class OrganizerScope {

    /** The claim the gateway writes when an administrator limited an organizer to some convoys. */
    public static final String CLAIM = "convoys";

    /** Whether the current organizer may see this convoy. */
    public boolean covers(String convoyId) {
        return currentToken().map(token -> covers(token, convoyId)).orElse(false);
    }

    /**
     * Refuses a convoy the current organizer may not see as if it did not exist (404 problem+json, the same answer
     * as for an unknown convoy), so she does not learn which other convoys there are.
     *
     * @throws NotFoundException when she may not see it
     */
    public void require(String convoyId) {
        if (!covers(convoyId)) {
            throw notFound(convoyId);
        }
    }

    /**
     * Refuses (403 problem+json) an organizer limited to some convoys what concerns every convoy: dead letters, the
     * host directory's changes, creating a convoy.
     *
     * @param why what the refusal says, e.g. "Dead letters concern every convoy."
     */
    public void requireEveryConvoy(String why) {
        if (limitedTo().isPresent()) {
            throw new AccessDeniedException(why);
        }
    }

    /** The convoys the current organizer is limited to; empty when she covers every convoy (or is no organizer). */
    public Optional<Set<String>> limitedTo() {
        return currentToken().filter(token -> !unlimited(token)).map(token -> Set.copyOf(convoysOf(token)));
    }

    static boolean covers(Jwt token, String convoyId) {
        return convoyId != null && (unlimited(token) || convoysOf(token).contains(convoyId));
    }

    static NotFoundException notFound(String convoyId) {
        return new NotFoundException("No such convoy", "There is no convoy " + convoyId + ".");
    }

    private static boolean unlimited(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return (roles != null && roles.contains(ServiceSecurityAutoConfiguration.ADMIN)) || convoysOf(token).isEmpty();
    }

    private static List<String> convoysOf(Jwt token) {
        List<String> convoys = token.getClaimAsStringList(CLAIM);
        return convoys == null ? List.of() : convoys;
    }

    static Optional<Jwt> currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken organizer ? Optional.of(organizer.getToken())
                : Optional.empty();
    }
}
