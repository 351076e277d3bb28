package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.convoy.gateway.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/** A token's signature is checked once while it is valid; an expired or bad token is checked, and refused, again. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final AtomicInteger checks = new AtomicInteger();
    private final MovableClock clock = new MovableClock(NOW);

    /** Checks like the real decoder: "bad" is refused, any other token expires 15 minutes after NOW. */
    private final ReactiveJwtDecoder checking = token -> {
        checks.incrementAndGet();
        if (token.equals("bad") || clock.instant().isAfter(NOW.plus(Duration.ofMinutes(15)))) {
            return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("ana").issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(15))).build());
    };

    @Test
    void aGoodTokenIsCheckedOnceWhileItIsValid() {
        VerifiedTokens tokens = new VerifiedTokens(checking, clock, 10);

        assertThat(tokens.decode("good").block().getSubject()).isEqualTo("ana");
        assertThat(tokens.decode("good").block().getSubject()).isEqualTo("ana");

        assertThat(checks).hasValue(1);
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefused() {
        VerifiedTokens tokens = new VerifiedTokens(checking, clock, 10);
        tokens.decode("good").block();

        clock.move(Duration.ofMinutes(16));

        assertThatThrownBy(() -> tokens.decode("good").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aBadTokenIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(checking, clock, 10);

        assertThatThrownBy(() -> tokens.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void noMoreThanTheLimitIsRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(checking, clock, 2);
        tokens.decode("a").block();
        tokens.decode("b").block();
        tokens.decode("c").block();

        tokens.decode("a").block();

        assertThat(checks).as("the memory started again when it was full").hasValue(4);
    }
}
