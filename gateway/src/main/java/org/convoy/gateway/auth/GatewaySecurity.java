package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Duration;

import org.bson.Document;
import org.convoy.gateway.buckets.BucketStore;
import org.convoy.gateway.store.StoreOutage;
import org.convoy.gateway.web.Problems;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The gateway signs organizer tokens and checks every token that passes through it: signature, issuer, expiry, that
 * no logout revoked it and that its user's access has not ended since it was issued. Managing users needs ADMIN,
 * logging out and changing one's password a token; everything else is let through to the services, which check
 * tokens and roles themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    /** How many good tokens the gateway remembers it has checked; organizers hold one or two each. */
    private static final int VERIFIED_TOKENS_KEPT = 10_000;

    @Bean
    SigningKey signingKey(AuthProperties properties) {
        return SigningKey.from(properties.signingKey());
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKey key, AuthProperties properties) {
        return new TokenIssuer(key, properties, Clock.systemUTC());
    }

    @Bean
    Users users(ReactiveMongoOperations mongo) {
        return new Users(mongo);
    }

    @Bean
    RevokedTokens revokedTokens(ReactiveMongoOperations mongo) {
        return new RevokedTokens(mongo, Clock.systemUTC(), Duration.ofSeconds(1));
    }

    @Bean
    EndedAccess endedAccess(ReactiveMongoOperations mongo, AuthProperties properties) {
        return new EndedAccess(mongo, Clock.systemUTC(), properties.tokenLifetime(), Duration.ofSeconds(1));
    }

    @Bean
    SessionAnnouncer sessionAnnouncer(RevokedTokens revoked, EndedAccess ended, KafkaTemplate<byte[], byte[]> kafka) {
        return new SessionAnnouncer(revoked, ended, kafka, Clock.systemUTC(), Duration.ofSeconds(1));
    }

    @Bean
    Accounts accounts(Users users, EndedAccess ended, SessionAnnouncer announcer) {
        return new Accounts(users, ended, announcer, Clock.systemUTC());
    }

    @Bean
    LoginThrottle loginThrottle(AuthProperties properties, BucketStore store) {
        return new LoginThrottle(properties.loginThrottle(), store);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AdminBootstrap adminBootstrap(Users users, RevokedTokens revoked, EndedAccess ended, PasswordEncoder passwords,
            AuthProperties properties) {
        return new AdminBootstrap(users, revoked, ended, passwords, properties);
    }

    /**
     * The gateway's own key, its issuer, no revoked token, and none issued before its user's access ended. A token's
     * signature is checked once; while it has not expired, the same token is known good without checking again (its
     * revocation and its user's ended access are checked on every call, in memory).
     *
     * <p>While the store cannot be read, the lists last read hold for {@code deny-list-max-age}: a store that blinks
     * costs organizers nothing. Past it the gateway fails closed for tokens it does not already refuse: they cannot be
     * checked (a logout recorded meanwhile by another instance would be missed), so the call is 503 with
     * {@code Retry-After} (never 401, which would send a valid session back to the login) until the store answers.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKey key, AuthProperties properties, RevokedTokens revoked,
            EndedAccess ended) {
        NimbusReactiveJwtDecoder signed = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        signed.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        VerifiedTokens verified = new VerifiedTokens(signed, Clock.systemUTC(), VERIFIED_TOKENS_KEPT);
        Duration maxAge = properties.denyListMaxAge();
        return token -> verified.decode(token).flatMap(jwt -> {
            if (revoked.isRevoked(jwt.getId())) {
                return Mono.error(new BadJwtException("Token revoked by a logout"));
            }
            if (ended.refuses(jwt.getSubject(), jwt.getIssuedAt())) {
                return Mono.error(new BadJwtException("Token issued before its user's access ended"));
            }
            if (!revoked.readWithin(maxAge) || !ended.readWithin(maxAge)) {
                // Not a BadJwtException: the resource server reports it as an AuthenticationServiceException (503).
                return Mono.error(new JwtException("Logged-out tokens and ended access not read from the store within "
                        + maxAge));
            }
            return Mono.just(jwt);
        });
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        ServerAuthenticationEntryPoint unauthorized = (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.drained(exchange).then(Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
                    "Unauthorized", "A valid token is needed: log in with POST /api/auth/login. Expired, altered and "
                            + "logged-out tokens are refused."));
        };
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> Problems.drained(exchange).then(Problems.write(
                exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this call."));
        // A token that could not be checked at all is no fault of its holder: 503, to be tried again, not 401.
        ServerAuthenticationFailureHandler failed = (filterExchange, failure) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            if (!(failure instanceof AuthenticationServiceException)) {
                return unauthorized.commence(exchange, failure);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    String.valueOf(StoreOutage.RETRY_AFTER_SECONDS));
            return Problems.drained(exchange).then(Problems.write(exchange.getResponse(),
                    HttpStatus.SERVICE_UNAVAILABLE, "Cannot check tokens now", "The gateway cannot reach its database, "
                            + "where logouts are kept, so tokens cannot be checked right now. Please try again in a "
                            + "few seconds."));
        };
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/auth/users", "/api/auth/users/**").hasRole(Users.ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/auth/logout").authenticated()
                        .pathMatchers(HttpMethod.PUT, "/api/auth/password").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(unauthorized)
                        .authenticationFailureHandler(failed)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /** Named like Boot's MongoDB indicator, which steps aside: {@code ping} works on every MongoDB-wire server. */
    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoOperations mongo) {
        return new AbstractReactiveHealthIndicator("MongoDB health check failed") {
            @Override
            protected Mono<Health> doHealthCheck(Health.Builder builder) {
                return mongo.executeCommand(new Document("ping", 1))
                        .map(answer -> builder.up().withDetail("ok", answer.get("ok")).build());
            }
        };
    }
}
