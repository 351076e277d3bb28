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

/** Signs organizer tokens: RS256, {@code iss}, {@code sub} (the user name), {@code roles}, {@code jti}, short-lived. */
final class TokenIssuer {

    private final SigningKey key;
    private final AuthProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKey key, AuthProperties properties, Clock clock) {
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(String username, List<String> roles) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenLifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(properties.issuer()).subject(username)
                .claim("roles", roles).issueTime(Date.from(now)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), "Bearer", properties.tokenLifetime().toSeconds(), roles);
    }

    /** What a login answers: the token, its type, seconds until it expires, and the roles it carries. */
    record IssuedToken(String accessToken, String tokenType, long expiresIn, List<String> roles) {
    }
}
