package org.convoy.registration.delegate.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.registration.delegate.domain.Vocabulary;
import org.convoy.registration.delegate.domain.Vocabulary.Channel;
import org.convoy.registration.delegate.domain.Vocabulary.Language;
import org.convoy.registration.delegate.domain.Vocabulary.Role;
import org.convoy.support.text.PlainText;

/**
 * What a delegate submits, with the companions registered with them. Only these fields are accepted: status,
 * ids and timestamps are set by the service, and any other field is refused with 400.
 */
@ConsistentRegistration
record RegistrationRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,59}", message = "must be a convoy id such as california-2023")
        String convoyId,
        @PlainText @NotBlank @Size(max = 100) String givenName,
        @PlainText @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = PhoneNumbers.ACCEPTED, message = PhoneNumbers.MESSAGE) String phone,
        @NotNull Language preferredLanguage,
        @NotNull Role role,
        @NotBlank @Pattern(regexp = Vocabulary.MEXICAN_STATE_PATTERN,
                message = "must be one of Mexico's 32 federal entities as an ISO 3166-2 code, e.g. MX-JAL")
        String state,
        @PlainText @Size(max = 150) String municipality,
        @PlainText @NotBlank @Size(max = 150) String organization,
        @PlainText @Size(max = 150) String position,
        @Size(max = 10) List<@NotNull Sector> sectors,
        @Size(max = 4) List<@NotNull Axis> axes,
        @NotEmpty Set<@NotNull Channel> channels,
        Boolean shareWithHosts,
        @Size(max = 10) List<@Valid @NotNull CompanionRequest> companions,
        @NotNull @AssertTrue(message = "must be accepted to register") Boolean privacyConsent) {

    List<CompanionRequest> companionsOrNone() {
        return companions == null ? List.of() : companions;
    }
}
