package org.convoy.scheduling.delegate.web;

import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.support.problem.NotFoundException;
import org.convoy.support.security.OrganizerScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delegates scheduling knows, as organizers plan with them. */
@RestController
@RequestMapping("/api/scheduling/delegates")
class ScheduledDelegateController {

    private final Delegates delegates;
    private final OrganizerScope scope;

    ScheduledDelegateController(Delegates delegates, OrganizerScope scope) {
        this.delegates = delegates;
        this.scope = scope;
    }

    /** A delegate of a convoy the organizer may not see is as unknown to her as one that does not exist. */
    @GetMapping("/{id}")
    ScheduledDelegate one(@PathVariable UUID id) {
        ScheduledDelegate delegate = delegates.get(id);
        if (!scope.covers(delegate.convoyId())) {
            throw new NotFoundException("No such delegate", "No delegate " + id + " in this convoy.");
        }
        return delegate;
    }

    @GetMapping
    List<ScheduledDelegate> ofConvoy(@RequestParam String convoyId) {
        scope.require(convoyId);
        return delegates.ofConvoy(convoyId);
    }
}
