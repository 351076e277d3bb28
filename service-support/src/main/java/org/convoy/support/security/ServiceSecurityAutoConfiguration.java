package org.convoy.support.security;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.convoy.support.web.ProblemResponses;

/**
 * One security filter chain for every servlet service: each checks the gateway's organizer tokens itself (RS256,
 * keys from the gateway's JWKS, fetched on the first token), with roles from the {@code roles} claim. Calls listed
 * in {@code convoy.security.public-paths} and the health and metrics endpoints are open; every other call needs the
 * ORGANIZER role (ADMIN includes it). A token logged out, or issued before its organizer's access ended, is refused.
 * An organizer limited to some convoys sees only those ({@link OrganizerScope}). Stateless, no sessions, no CSRF (no
 * cookies are read); 401 and 403 are problem+json like every other refusal.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    public static final String ORGANIZER = "ORGANIZER";
    public static final String ADMIN = "ADMIN";

    /**
     * Paths every service leaves open: health for orchestrators (also as {@code /livez} and {@code /readyz}, as the
     * gateway has them), metrics for Prometheus, and error dispatches.
     */
    static final List<String> ALWAYS_OPEN = List.of("/actuator/health", "/actuator/health/**", "/livez", "/readyz",
            "/actuator/info", "/actuator/prometheus", "/error");

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        AuthenticationEntryPoint entryPoint = ServiceSecurityAutoConfiguration::unauthorized;
        AccessDeniedHandler deniedHandler = ServiceSecurityAutoConfiguration::forbidden;
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ALWAYS_OPEN.stream().map(PathPatternRequestMatcher::pathPattern)
                                .toArray(RequestMatcher[]::new)).permitAll()
                        .requestMatchers(properties.publicPaths().stream().map(ServiceSecurityAutoConfiguration::matcher)
                                .toArray(RequestMatcher[]::new)).permitAll()
                        .anyRequest().hasRole(ORGANIZER))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler((request, response, failure) ->
                                        failed(request, response, failure, entryPoint));
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler));
        return http.build();
    }

    /** Keys are fetched from the gateway on the first token that needs them, with timeouts, never at start-up. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<LoggedOutTokens> loggedOut,
            ObjectProvider<EndedAccess> endedAccess) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.jwksTimeout());
        requests.setReadTimeout(properties.jwksTimeout());
        RestTemplate jwksClient = new RestTemplate(requests);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(jwksClient)
                .build();
        // Spring fills in a missing iat from exp; a token must say itself when it was issued (see below).
        MappedJwtClaimSetConverter claims = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(raw -> {
            Map<String, Object> converted = claims.convert(raw);
            if (!raw.containsKey(JwtClaimNames.IAT)) {
                converted = new HashMap<>(converted);
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        });
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>("sub", sub -> sub != null && !sub.isBlank());
        // A token must say when it ends, and carry an id by which a logout can end it sooner.
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Object>("exp", Objects::nonNull);
        OAuth2TokenValidator<Jwt> identified = new JwtClaimValidator<String>("jti", jti -> jti != null && !jti.isBlank());
        // ... and say when it was issued, which an ended access compares with.
        OAuth2TokenValidator<Jwt> dated = new JwtClaimValidator<Object>("iat", Objects::nonNull);
        LoggedOutTokens tokens = loggedOut.getIfAvailable();
        OAuth2TokenValidator<Jwt> notLoggedOut = jwt -> tokens != null && tokens.isLoggedOut(jwt.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "This token was logged out", null))
                : OAuth2TokenValidatorResult.success();
        EndedAccess ended = endedAccess.getIfAvailable();
        OAuth2TokenValidator<Jwt> notEnded = jwt -> ended != null && ended.refuses(jwt.getSubject(), jwt.getIssuedAt())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "This organizer's access changed after the token was issued", null))
                : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), subject, expires, identified, dated,
                notLoggedOut, notEnded));
        return decoder;
    }

    /** The convoys the current organizer may see; see {@link OrganizerScope}. */
    @Bean
    @ConditionalOnMissingBean
    OrganizerScope organizerScope() {
        return new OrganizerScope();
    }

    /** Organizers limited to some convoys get 404 on paths of {@code convoy.security.convoy-scoped-paths} of others. */
    @Bean
    WebMvcConfigurer convoyScopedPaths(SecurityProperties properties) {
        ConvoyScopedPaths interceptor = new ConvoyScopedPaths(properties.convoyScopedPaths());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    /** An administrator may do everything an organizer may. */
    @Bean
    @ConditionalOnMissingBean(RoleHierarchy.class)
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(ADMIN).implies(ORGANIZER).build();
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /** {@code "POST /api/registrations"} or {@code "/api/registrations/self/**"}. */
    static RequestMatcher matcher(String entry) {
        String[] parts = entry.strip().split("\\s+", 2);
        return parts.length == 2
                ? PathPatternRequestMatcher.pathPattern(HttpMethod.valueOf(parts[0]), parts[1])
                : PathPatternRequestMatcher.pathPattern(parts[0]);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        new BearerTokenAuthenticationEntryPoint().commence(request, response, failure);
        ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "This call needs an organizer's token: log in with POST /api/auth/login and send it as "
                        + "'Authorization: Bearer <token>'. A missing, expired or altered token is refused.",
                request.getRequestURI());
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException denied) throws IOException {
        new BearerTokenAccessDeniedHandler().handle(request, response, denied);
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your role does not allow this call.", request.getRequestURI());
    }

    /** A token that could not be checked at all (the gateway's keys unreachable) is 503, not the caller's fault. */
    private static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure,
            AuthenticationEntryPoint entryPoint) throws IOException, jakarta.servlet.ServletException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Cannot check tokens now",
                    "The keys that sign tokens cannot be read right now. Try again shortly.", request.getRequestURI());
            return;
        }
        entryPoint.commence(request, response, failure);
    }
}
