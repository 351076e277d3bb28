package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Tokens whose signature and claims were already checked, so that an organizer's next calls with the same token
 * skip the RSA check. A token is the same string it was when checked, so only its expiry can change the answer;
 * an expired one is checked again, and so refused. At most {@code kept} tokens are remembered; when that many
 * are, the memory starts again empty.
 */
final class VerifiedTokens {

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final int kept;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock, int kept) {
        this.decoder = decoder;
        this.clock = clock;
        this.kept = kept;
    }

    Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null && stillValid(known)) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (verified.size() >= kept) {
                verified.clear();
            }
            verified.put(token, jwt);
        });
    }

    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
