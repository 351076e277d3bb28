package org.convoy.notification.notice.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.notification.notice.NoticePreferences;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's notice preferences through the signed link at the foot of every email ({@link NoticePreferences}). */
@RestController
@RequestMapping("/api/notifications/preferences/{token}")
class PreferencesController {

    private final NoticePreferences preferences;

    PreferencesController(NoticePreferences preferences) {
        this.preferences = preferences;
    }

    /**
     * @param channels the channels that reach her, in the order they are tried
     * @param kinds    the routine notices she may turn off
     * @param optOuts  what she turned off: {@code CHANNEL} (every routine notice on it) or {@code CHANNEL:kind}
     */
    record Preferences(List<String> channels, List<String> kinds, Set<String> optOuts) {

        static Preferences of(NoticePreferences.Choice choice) {
            return new Preferences(choice.channels(), choice.kinds(), choice.optOuts());
        }
    }

    /** What she turns off; everything else of the routine notices reaches her. */
    record Change(@NotNull @Size(max = 64) Set<@NotNull @Size(max = 64) @Pattern(regexp = "[A-Z]+(:[a-z-]+)?",
            message = "must be CHANNEL or CHANNEL:kind") String> optOuts) {
    }

    @GetMapping
    Preferences read(@PathVariable String token) {
        return Preferences.of(preferences.read(token));
    }

    @PutMapping
    Preferences change(@PathVariable String token, @Valid @RequestBody Change change) {
        return Preferences.of(preferences.change(token, change.optOuts()));
    }

    /** One-click unsubscribe from mail programs (RFC 8058): no more routine email. */
    @PostMapping("/unsubscribe")
    Preferences unsubscribe(@PathVariable String token) {
        return Preferences.of(preferences.unsubscribe(token));
    }
}
