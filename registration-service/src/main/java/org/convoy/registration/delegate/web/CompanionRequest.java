package org.convoy.registration.delegate.web;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.registration.delegate.domain.Vocabulary.Channel;
import org.convoy.registration.delegate.domain.Vocabulary.Language;
import org.convoy.registration.delegate.domain.Vocabulary.Role;
import org.convoy.support.text.PlainText;

/** A member of the lead's staff registered in the same submission; state and organization are the lead's. */
record CompanionRequest(
        @PlainText @NotBlank @Size(max = 100) String givenName,
        @PlainText @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = PhoneNumbers.ACCEPTED, message = PhoneNumbers.MESSAGE) String phone,
        @NotNull Language preferredLanguage,
        @NotNull Role role,
        @PlainText @Size(max = 150) String position,
        @NotEmpty Set<@NotNull Channel> channels,
        Boolean shareWithHosts) {
}
