package org.convoy.registration.delegate.web;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.validation.Valid;

import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.Registrations;
import org.convoy.registration.delegate.domain.AlreadyRegisteredException;
import org.convoy.registration.delegate.domain.Delegate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @PostMapping
    ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegistrationRequest request) {
        Delegate delegate = registrations.register(request.convoyId(), profileOf(request));
        return ResponseEntity.created(URI.create("/api/registrations/" + delegate.id()))
                .body(RegistrationResponse.of(delegate));
    }

    @ExceptionHandler(AlreadyRegisteredException.class)
    ProblemDetail alreadyRegistered() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This email address is already registered for this convoy. Use the link in your registration "
                        + "email to see or change your registration.");
        problem.setTitle("Already registered");
        return problem;
    }

    private static DelegateProfile profileOf(RegistrationRequest request) {
        return new DelegateProfile(request.givenName().strip(), request.familyName().strip(), request.email().strip(),
                request.normalizedPhone(), request.preferredLanguage().name(), request.role().name(), request.state(),
                blankToNull(request.municipality()), request.organization().strip(), blankToNull(request.position()),
                names(request.sectors()), names(request.axes()), new TreeSet<>(names(request.channels())));
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
