package org.convoy.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.convoy.support.problem.NotFoundException;
import org.convoy.support.problem.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Which convoys the organizer of the current request covers, read from her token. */
class OrganizerScopeTest {

    private final OrganizerScope scope = new OrganizerScope();

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOrganizerLimitedToConvoysCoversThoseOnly() {
        signIn(Map.of("roles", List.of("ORGANIZER"), "convoys", List.of("texas-2027", "sonora-2027")));

        assertThat(scope.covers("texas-2027")).isTrue();
        assertThat(scope.covers("sonora-2027")).isTrue();
        assertThat(scope.covers("california-2023")).isFalse();
        assertThat(scope.covers(null)).isFalse();
        assertThat(scope.limitedTo()).contains(Set.of("texas-2027", "sonora-2027"));
    }

    @Test
    void requireRefusesAnotherConvoyAsNotFound() {
        signIn(Map.of("roles", List.of("ORGANIZER"), "convoys", List.of("texas-2027")));

        scope.require("texas-2027");
        assertThatThrownBy(() -> scope.require("california-2023")).isInstanceOf(NotFoundException.class)
                .satisfies(refusal -> {
                    assertThat(((Refusal) refusal).kind().status()).isEqualTo(404);
                    assertThat(((Refusal) refusal).title()).isEqualTo("No such convoy");
                });
    }

    @Test
    void whatConcernsEveryConvoyIsRefusedToALimitedOrganizerOnly() {
        signIn(Map.of("roles", List.of("ORGANIZER"), "convoys", List.of("texas-2027")));
        assertThatThrownBy(() -> scope.requireEveryConvoy("Dead letters concern every convoy."))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Dead letters concern every convoy.");

        signIn(Map.of("roles", List.of("ORGANIZER")));
        scope.requireEveryConvoy("Dead letters concern every convoy.");
    }

    @Test
    void anOrganizerWithoutALimitOrWithAnEmptyOneCoversEveryConvoy() {
        signIn(Map.of("roles", List.of("ORGANIZER")));
        assertThat(scope.covers("california-2023")).isTrue();
        assertThat(scope.limitedTo()).isEmpty();

        signIn(Map.of("roles", List.of("ORGANIZER"), "convoys", List.of()));
        assertThat(scope.covers("california-2023")).isTrue();
    }

    @Test
    void anAdministratorCoversEveryConvoyWhateverHerToken() {
        signIn(Map.of("roles", List.of("ADMIN", "ORGANIZER"), "convoys", List.of("texas-2027")));

        assertThat(scope.covers("california-2023")).isTrue();
        assertThat(scope.limitedTo()).isEmpty();
    }

    @Test
    void aCallWithoutAnOrganizerTokenCoversNoConvoy() {
        assertThat(scope.covers("california-2023")).as("nobody signed in").isFalse();

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(scope.covers("california-2023")).as("a public call").isFalse();

        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("delegate", "link"));
        assertThatThrownBy(() -> scope.require("california-2023")).as("not an organizer's token")
                .isInstanceOf(NotFoundException.class);
    }

    private static void signIn(Map<String, Object> claims) {
        Jwt token = Jwt.withTokenValue("token").header("alg", "RS256").subject("lucia.ramos")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900)).claims(all -> all.putAll(claims))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }
}
