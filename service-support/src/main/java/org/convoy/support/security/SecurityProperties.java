package org.convoy.support.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks the organizer tokens the gateway signs.
 *
 * @param jwksUri        where the gateway publishes its public keys; fetched on the first token, not at start-up, so
 *                       a service starts while the gateway is still down
 * @param issuer         the {@code iss} every token must carry
 * @param publicPaths    calls anyone may make without a token: {@code "POST /api/registrations"} for one method, or
 *                       {@code "/api/registrations/self/**"} for all; everything else needs an organizer token
 * @param jwksTimeout    how long fetching the keys may take before the call is answered 503
 * @param convoyScopedPaths paths that name a convoy in a {@code {convoyId}} variable, for example
 *                       {@code /api/scheduling/convoys/{convoyId}/**}: an organizer whose token limits her to other
 *                       convoys gets 404 there, as for an unknown convoy (see {@link OrganizerScope})
 */
@Validated
@ConfigurationProperties("convoy.security")
public record SecurityProperties(
        @NotNull @DefaultValue("http://localhost:8080/.well-known/jwks.json") URI jwksUri,
        @NotBlank @DefaultValue("convoy") String issuer,
        @DefaultValue List<@Pattern(regexp = "((GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) )?/\\S*",
                message = "must be a path pattern, optionally after an HTTP method: 'POST /api/things'") String> publicPaths,
        @NotNull @DefaultValue("5s") Duration jwksTimeout,
        @DefaultValue List<@Pattern(regexp = "/\\S*\\{convoyId}\\S*", message = "must be a path pattern "
                + "naming the convoy as \\{convoyId\\}: '/api/things/\\{convoyId\\}/**'") String> convoyScopedPaths) {
}
