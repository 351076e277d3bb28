package org.convoy.scheduling.delegate.web;

import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The delegates scheduling knows, as organizers plan with them. */
@RestController
@RequestMapping("/api/scheduling/delegates")
class ScheduledDelegateController {

    private final ScheduledDelegateRepository delegates;

    ScheduledDelegateController(ScheduledDelegateRepository delegates) {
        this.delegates = delegates;
    }

    @GetMapping("/{id}")
    ScheduledDelegate one(@PathVariable UUID id) {
        return delegates.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No delegate " + id));
    }

    @GetMapping
    List<ScheduledDelegate> ofConvoy(@RequestParam String convoyId) {
        return delegates.findByConvoyIdOrderByFamilyNameAscGivenNameAsc(convoyId);
    }
}
