package org.convoy.notification.deadletter.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.convoy.notification.deadletter.DeadLetters;
import org.convoy.notification.deadletter.domain.DeadLetter;
import org.convoy.support.security.OrganizerScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Organizers see what landed on notification's dead-letter topic and replay it. Dead letters are events of every
 * convoy, so an organizer limited to some convoys is refused (403).
 */
@RestController
@RequestMapping("/api/notifications/dead-letters")
class DeadLetterController {

    private final DeadLetters letters;
    private final OrganizerScope scope;

    DeadLetterController(DeadLetters letters, OrganizerScope scope) {
        this.letters = letters;
        this.scope = scope;
    }

    /** Newest first; {@code delegateId} keeps those that concern one delegate (a notice that could not reach her). */
    @GetMapping
    List<DeadLetter> all(@RequestParam(required = false) DeadLetter.Status status,
            @RequestParam(required = false) UUID delegateId,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        scope.requireEveryConvoy("Dead letters concern every convoy: they are for organizers of every convoy.");
        return letters.all(status, delegateId, limit);
    }

    @PostMapping("/{id}/replay")
    DeadLetter replay(@PathVariable String id) {
        scope.requireEveryConvoy("Dead letters concern every convoy: they are for organizers of every convoy.");
        try {
            return letters.replay(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "No dead letter " + id + "."));
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
