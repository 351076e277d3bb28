package org.convoy.registration.delegate.web;

import static org.convoy.registration.delegate.web.Profiles.blankToNull;
import static org.convoy.registration.delegate.web.Profiles.channelNames;
import static org.convoy.registration.delegate.web.Profiles.names;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.Registrations;
import org.convoy.registration.delegate.web.RegistrationViews.Submission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** Public registration: anyone may register for a convoy, with their companions. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final Registrations registrations;
    private final JsonMapper json;

    RegistrationController(Registrations registrations, JsonMapper json) {
        this.registrations = registrations;
        this.json = json;
    }

    /**
     * Registers a delegate and their companions. With an {@code Idempotency-Key}, repeating the same request
     * returns the same answer and registers nobody twice; the same key with another body is refused with 422.
     */
    @PostMapping
    ResponseEntity<Submission> register(@Valid @RequestBody RegistrationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Size(min = 8, max = 128) @Pattern(regexp = "[A-Za-z0-9_.:-]+") String idempotencyKey) {
        DelegateProfile lead = new DelegateProfile(request.givenName().strip(), request.familyName().strip(),
                request.email().strip(), PhoneNumbers.normalize(request.phone()).orElse(null),
                request.preferredLanguage().name(), request.role().name(), request.state(),
                blankToNull(request.municipality()), request.organization().strip(), blankToNull(request.position()),
                names(request.sectors()), names(request.axes()), channelNames(request.channels()),
                Boolean.TRUE.equals(request.shareWithHosts()));
        List<DelegateProfile> companions = request.companionsOrNone().stream()
                .map(companion -> new DelegateProfile(companion.givenName().strip(), companion.familyName().strip(),
                        companion.email().strip(), PhoneNumbers.normalize(companion.phone()).orElse(null),
                        companion.preferredLanguage().name(), companion.role().name(), lead.state(),
                        lead.municipality(), lead.organization(), blankToNull(companion.position()), lead.sectors(),
                        lead.axes(), channelNames(companion.channels()),
                        Boolean.TRUE.equals(companion.shareWithHosts())))
                .toList();
        Registrations.Submitted submitted = registrations.submit(request.convoyId(), lead, companions, idempotencyKey,
                fingerprint(request));
        return ResponseEntity.created(URI.create("/api/registrations/" + submitted.registration().id()))
                .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                .body(Submission.of(submitted.registration()));
    }

    /**
     * Emails a fresh personal link if the address is registered for the convoy. The answer is the same whether
     * or not it is, so nobody learns who registered.
     */
    @PostMapping("/link-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestLink(@Valid @RequestBody LinkRequest request) {
        registrations.requestLink(request.convoyId(), request.email());
    }

    record LinkRequest(@NotBlank @Size(max = 60) String convoyId, @NotBlank @Email @Size(max = 254) String email) {
    }

    private String fingerprint(RegistrationRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
