package org.convoy.registration.delegate;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.convoy.support.security.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param privacyPolicyVersion the version of the privacy notice delegates accept when they register
 * @param publicBaseUrl        where delegates open the platform; personal links point there
 * @param linkSecret           the key that signs personal links ({@code REGISTRATION_LINK_SECRET}: at least 32
 *                             characters, the operator's own; keep it secret and stable, or every link already sent
 *                             stops working)
 * @param linkValidity         how long a personal link works, if it is not used or replaced before
 * @param sessionValidity      how long a delegate's page stays open after she opened her link
 * @param settleAfter          how long a registration may stay undecided before the reconciler finishes it
 */
@Validated
@ConfigurationProperties("convoy.registration")
public record RegistrationProperties(
        @NotBlank @DefaultValue("2023-01") String privacyPolicyVersion,
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
        String linkSecret,
        @NotNull @DefaultValue("7d") Duration linkValidity,
        @NotNull @DefaultValue("12h") Duration sessionValidity,
        @NotNull @DefaultValue("10s") Duration settleAfter) {

    public RegistrationProperties {
        Secrets.require("REGISTRATION_LINK_SECRET", linkSecret);
    }
}
