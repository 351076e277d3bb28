package org.convoy.registration.delegate;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param privacyPolicyVersion the version of the privacy notice delegates accept when they register */
@Validated
@ConfigurationProperties("convoy.registration")
public record RegistrationProperties(@NotBlank @DefaultValue("2023-01") String privacyPolicyVersion) {
}
