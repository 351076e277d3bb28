package org.convoy.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.convoy.support.security.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param linkSecret the secret registration signs delegates' personal links with (the same
 *                   {@code REGISTRATION_LINK_SECRET}), so a delegate can read their own agenda with their link
 */
@Validated
@ConfigurationProperties("convoy.scheduling")
public record SchedulingProperties(String linkSecret) {

    public SchedulingProperties {
        Secrets.require("REGISTRATION_LINK_SECRET", linkSecret);
    }
}
