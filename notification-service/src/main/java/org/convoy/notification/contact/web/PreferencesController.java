package org.convoy.notification.contact.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.convoy.notification.contact.NoticePreferences;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A delegate's notice preferences through the signed link at the foot of every email ({@link NoticePreferences}). */
@RestController
@RequestMapping("/api/notifications/preferences/{token}")
class PreferencesController {

    private final NoticePreferences preferences;

    PreferencesController(NoticePreferences preferences) {
        this.preferences = preferences;
    }

    /** @param routineEmail whether routine notices come by email; @param routineSms the same for texts */
    record Preferences(@NotNull Boolean routineEmail, @NotNull Boolean routineSms) {

        static Preferences of(NoticePreferences.Choice choice) {
            return new Preferences(choice.routineEmail(), choice.routineSms());
        }
    }

    @GetMapping
    Preferences read(@PathVariable String token) {
        return Preferences.of(preferences.read(token));
    }

    @PutMapping
    Preferences change(@PathVariable String token, @Valid @RequestBody Preferences choice) {
        return Preferences.of(preferences.change(token,
                new NoticePreferences.Choice(choice.routineEmail(), choice.routineSms())));
    }

    /** One-click unsubscribe from mail programs (RFC 8058): no more routine email. */
    @PostMapping("/unsubscribe")
    Preferences unsubscribe(@PathVariable String token) {
        return Preferences.of(preferences.unsubscribe(token));
    }
}
