package org.convoy.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Organizer tokens for tests, shaped like the gateway's (RS256, {@code iss=convoy}, {@code sub}, {@code roles},
 * {@code iat}, {@code jti}, 15 minutes, {@code convoys} when scoped), signed with a key pair made for this test JVM.
 * Its public key is served as a JWKS on {@link #jwksUri()}, which {@link ServiceIntegrationTest} gives every service
 * as {@code convoy.security.jwks-uri}. The JWKS server binds its port when this class loads and keeps it: a port
 * found free and bound later could be taken in between by anything else in the build (it was, once, by another
 * test's server).
 */
public final class TestTokens {

    public static final String ISSUER = "convoy";

    private static final RSAKey KEY = generate("convoy-test-key");
    /** Same key id, other key: what a forger who knows the id but not the key would sign with. */
    private static final RSAKey FORGER = generate("convoy-test-key");
    private static final HttpServer JWKS = serveKeys();
    private static final int PORT = JWKS.getAddress().getPort();

    private TestTokens() {
    }

    /** Where the test JWKS is (or will be) served. */
    public static String jwksUri() {
        return "http://127.0.0.1:" + PORT + "/.well-known/jwks.json";
    }

    public static String organizer() {
        return token("organizer.test", List.of("ORGANIZER"));
    }

    public static String admin() {
        return token("admin.test", List.of("ADMIN"));
    }

    public static String token(String subject, List<String> roles) {
        Instant now = Instant.now();
        return sign(KEY, claims(subject, roles, now, now.plus(Duration.ofMinutes(15))));
    }

    /** An organizer's token limited to these convoys, as the gateway writes it when an administrator scoped her. */
    public static String scoped(String subject, List<String> convoys) {
        Instant now = Instant.now();
        return sign(KEY, new JWTClaimsSet.Builder(claims(subject, List.of("ORGANIZER"), now,
                now.plus(Duration.ofMinutes(15)))).claim("convoys", convoys).build());
    }

    /** A current token issued at the given moment (whole seconds, as in every JWT). */
    public static String issuedAt(String subject, List<String> roles, Instant issued) {
        return sign(KEY, claims(subject, roles, issued, issued.plus(Duration.ofMinutes(15))));
    }

    /** Validly signed and current, but without saying when it was issued, which an ended access compares with. */
    public static String withoutIssuedAt() {
        Instant now = Instant.now();
        return sign(KEY, new JWTClaimsSet.Builder().issuer(ISSUER).subject("organizer.test")
                .claim("roles", List.of("ORGANIZER")).expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString()).build());
    }

    public static String expired() {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return sign(KEY, claims("organizer.test", List.of("ORGANIZER"), issued, issued.plus(Duration.ofMinutes(15))));
    }

    public static String signedByAnotherKey() {
        Instant now = Instant.now();
        return sign(FORGER, claims("organizer.test", List.of("ADMIN"), now, now.plus(Duration.ofMinutes(15))));
    }

    public static String fromAnotherIssuer() {
        Instant now = Instant.now();
        return sign(KEY, new JWTClaimsSet.Builder(claims("organizer.test", List.of("ORGANIZER"), now,
                now.plus(Duration.ofMinutes(15)))).issuer("someone-else").build());
    }

    /** Validly signed, but saying nothing of when it ends. */
    public static String withoutExpiry() {
        return sign(KEY, new JWTClaimsSet.Builder().issuer(ISSUER).subject("organizer.test")
                .claim("roles", List.of("ORGANIZER")).issueTime(new Date()).jwtID(UUID.randomUUID().toString()).build());
    }

    /** Validly signed and current, but without an id a logout could name. */
    public static String withoutId() {
        Instant now = Instant.now();
        return sign(KEY, new JWTClaimsSet.Builder().issuer(ISSUER).subject("organizer.test")
                .claim("roles", List.of("ORGANIZER")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).build());
    }

    /** The id ({@code jti}) a token carries, which a logout names. */
    public static String idOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A genuine organizer token whose payload was changed afterwards to claim ADMIN; its signature no longer fits. */
    public static String tamperedToAdmin() {
        String[] parts = organizer().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ORGANIZER\"", "\"ADMIN\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).claim("roles", roles)
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveKeys() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
        return server;
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
