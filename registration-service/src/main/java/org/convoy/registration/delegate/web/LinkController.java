package org.convoy.registration.delegate.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.convoy.registration.delegate.Registrations;
import org.convoy.registration.delegate.SelfServiceLinks.Session;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A delegate opens her personal link: the page sends the link's one-time code here and gets a session for her own
 * registration. The code is used up; opening the same link again is refused, as is one a newer link replaced.
 */
@RestController
class LinkController {

    private final Registrations registrations;

    LinkController(Registrations registrations) {
        this.registrations = registrations;
    }

    record OpenLink(@NotBlank @Size(max = 100) String code) {
    }

    @PostMapping("/api/registrations/sessions")
    ResponseEntity<Session> open(@Valid @RequestBody OpenLink link) {
        return ResponseEntity.created(URI.create("/api/registrations/self")).cacheControl(CacheControl.noStore())
                .body(registrations.openLink(link.code().strip()));
    }
}
