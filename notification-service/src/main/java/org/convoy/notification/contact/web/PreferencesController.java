package org.convoy.notification.contact.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.notice.PreferenceLinks;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A delegate's notice preferences, reached through the signed link at the foot of every email. Opting out stops
 * routine notices (approval, withdrawal, the day-before agenda); what a delegate must know (their personal link,
 * decisions on their registration, their meetings and changes to them) still arrives.
 */
@RestController
@RequestMapping("/api/notifications/preferences/{token}")
class PreferencesController {

    private final PreferenceLinks links;
    private final ContactRepository contacts;

    PreferencesController(PreferenceLinks links, ContactRepository contacts) {
        this.links = links;
        this.contacts = contacts;
    }

    /** @param routineEmail whether routine notices come by email; @param routineSms the same for texts */
    record Preferences(@NotNull Boolean routineEmail, @NotNull Boolean routineSms) {
    }

    @GetMapping
    Preferences read(@PathVariable String token) {
        Contact contact = contact(token);
        return new Preferences(!contact.emailOptOut(), !contact.smsOptOut());
    }

    @PutMapping
    Preferences change(@PathVariable String token, @Valid @RequestBody Preferences preferences) {
        Contact contact = contact(token);
        Contact changed = contacts.save(contact.withPreferences(!preferences.routineEmail(), !preferences.routineSms(),
                java.time.Instant.now()));
        return new Preferences(!changed.emailOptOut(), !changed.smsOptOut());
    }

    /** One-click unsubscribe from mail programs (RFC 8058): no more routine email. */
    @PostMapping("/unsubscribe")
    Preferences unsubscribe(@PathVariable String token) {
        Contact contact = contact(token);
        Contact changed = contacts.save(contact.withPreferences(true, contact.smsOptOut(), java.time.Instant.now()));
        return new Preferences(!changed.emailOptOut(), !changed.smsOptOut());
    }

    private Contact contact(String token) {
        return links.verify(token).flatMap(contacts::findById).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "This link does not lead to any notice preferences."));
    }
}
