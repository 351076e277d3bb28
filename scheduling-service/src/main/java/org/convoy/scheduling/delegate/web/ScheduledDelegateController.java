package org.convoy.scheduling.delegate.web;

import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
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

    ScheduledDelegateController(Delegates delegates) {
        this.delegates = delegates;
    }

    @GetMapping("/{id}")
    ScheduledDelegate one(@PathVariable UUID id) {
        return delegates.get(id);
    }

    @GetMapping
    List<ScheduledDelegate> ofConvoy(@RequestParam String convoyId) {
        return delegates.ofConvoy(convoyId);
    }
}
