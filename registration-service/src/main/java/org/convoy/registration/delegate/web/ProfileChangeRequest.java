package org.convoy.registration.delegate.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.registration.delegate.domain.Vocabulary.Channel;
import org.convoy.registration.delegate.domain.Vocabulary.Language;
import org.convoy.support.text.PlainText;

/**
 * The details a delegate may change through their personal link. Email, role and state are not among them:
 * organizers change those. A new organization or position sends an approved registration back to review.
 */
record ProfileChangeRequest(
        @PlainText @NotBlank @Size(max = 100) String givenName,
        @PlainText @NotBlank @Size(max = 100) String familyName,
        @Pattern(regexp = PhoneNumbers.ACCEPTED, message = PhoneNumbers.MESSAGE) String phone,
        @NotNull Language preferredLanguage,
        @PlainText @Size(max = 150) String municipality,
        @PlainText @NotBlank @Size(max = 150) String organization,
        @PlainText @Size(max = 150) String position,
        @Size(max = 10) List<@NotNull Sector> sectors,
        @Size(max = 4) List<@NotNull Axis> axes,
        @NotEmpty Set<@NotNull Channel> channels,
        Boolean shareWithHosts) {
}
