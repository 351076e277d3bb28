package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs organizer tokens: RS256, {@code iss}, {@code sub} (the user name), {@code roles}, {@code iat}, {@code jti},
 * short-lived, and {@code convoys} when an administrator limited the organizer to some convoys.
 */
final class TokenIssuer {

    /** The claim services read an organizer's convoys from (service-support's {@code OrganizerScope}). */
    static final String CONVOYS = "convoys";

    private final SigningKey key;
    private final AuthProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKey key, AuthProperties properties, Clock clock) {
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(String username, List<String> roles, List<String> convoys) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenLifetime());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(properties.issuer()).subject(username)
                .claim("roles", roles).issueTime(Date.from(now)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
        if (!convoys.isEmpty()) {
            claims.claim(CONVOYS, convoys);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), "Bearer", properties.tokenLifetime().toSeconds(), roles, convoys);
    }

    /**
     * What a login answers: the token, its type, seconds until it expires, the roles it carries, and the convoys it is
     * limited to (empty: every convoy).
     */
    record IssuedToken(String accessToken, String tokenType, long expiresIn, List<String> roles, List<String> convoys) {
    }
}
