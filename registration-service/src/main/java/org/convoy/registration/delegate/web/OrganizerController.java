package org.convoy.registration.delegate.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.registration.delegate.DelegateSearch;
import org.convoy.registration.delegate.Registrations;
import org.convoy.registration.delegate.domain.DelegateNotFoundException;
import org.convoy.registration.delegate.domain.Registration;
import org.convoy.registration.delegate.domain.RegistrationStatus;
import org.convoy.registration.delegate.domain.Vocabulary.Role;
import org.convoy.registration.delegate.web.RegistrationViews.DelegateRow;
import org.convoy.registration.delegate.web.RegistrationViews.History;
import org.convoy.registration.delegate.web.RegistrationViews.Page;
import org.convoy.support.security.OrganizerScope;
import org.convoy.support.text.PlainText;
import org.convoy.support.web.Csv;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What organizers do with registrations: find delegates, decide on them one by one or in bulk, export them, and
 * read each one's history. Every call needs an organizer's token (the shared security chain); erasing personal
 * data needs an administrator's. The store orders and pages the list ({@link DelegateSearch}); the export is the
 * whole list in the same order.
 */
@RestController
@RequestMapping("/api/registrations")
class OrganizerController {

    /** A delegate's id in a path: only a UUID matches, so words such as {@code self} reach no organizer call. */
    static final String DELEGATE = "/{delegateId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final Registrations registrations;
    private final DelegateSearch search;
    private final OrganizerScope scope;

    OrganizerController(Registrations registrations, DelegateSearch search, OrganizerScope scope) {
        this.registrations = registrations;
        this.search = search;
        this.scope = scope;
    }

    @GetMapping
    Page<DelegateRow> search(@RequestParam @NotBlank String convoyId,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) Axis axis,
            @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        scope.require(convoyId);
        DelegateSearch.Found found = search.search(convoyId, new DelegateSearch.Filters(state,
                role == null ? null : role.name(), sector == null ? null : sector.name(),
                axis == null ? null : axis.name(), status), page, size);
        List<DelegateRow> items = found.rows().stream().map(OrganizerController::row).toList();
        return new Page<>(items, page, size, found.total());
    }

    @GetMapping(DELEGATE)
    DelegateRow one(@PathVariable UUID delegateId) {
        Registrations.Listed listed = registrations.listed(delegateId);
        inScope(listed.registration(), delegateId);
        return DelegateRow.of(listed.registration(), listed.member());
    }

    @GetMapping(DELEGATE + "/history")
    History history(@PathVariable UUID delegateId) {
        Registration registration = registrations.registrationOf(delegateId);
        inScope(registration, delegateId);
        return new History(delegateId, registration.history().stream()
                .filter(entry -> entry.delegateId().equals(delegateId)).toList());
    }

    @PostMapping("/approvals")
    List<Registrations.Outcome> approve(@Valid @RequestBody Approvals approvals, Principal organizer) {
        return registrations.decideAll(approvals.delegateIds(), id -> {
            inScope(registrations.registrationOf(id), id);
            registrations.approve(id, by(organizer));
        });
    }

    @PostMapping("/rejections")
    List<Registrations.Outcome> reject(@Valid @RequestBody Rejections rejections, Principal organizer) {
        return registrations.decideAll(rejections.delegateIds(), id -> {
            inScope(registrations.registrationOf(id), id);
            registrations.reject(id, rejections.reason().strip(), by(organizer));
        });
    }

    /** Removes the delegate's personal data here and, through {@code DelegateErased}, in every service. */
    @DeleteMapping(DELEGATE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void erase(@PathVariable UUID delegateId, Principal admin) {
        registrations.erase(delegateId, by(admin));
    }

    /** Erases every delegate of a convoy whose retention date has passed; 409 before that date. */
    @PostMapping("/erasures")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Integer> eraseConvoy(@Valid @RequestBody Erasure erasure, Principal admin) {
        return Map.of("erased", registrations.eraseConvoy(erasure.convoyId(), by(admin)));
    }

    /** A delegate of a convoy the organizer may not see is as unknown to her as one that does not exist. */
    private void inScope(Registration registration, UUID delegateId) {
        if (!scope.covers(registration.convoyId())) {
            throw new DelegateNotFoundException(delegateId);
        }
    }

    /** Who made a change, as the history shows it: the organizer's user name from their token. */
    private static String by(Principal organizer) {
        return "organizer " + organizer.getName();
    }

    record Erasure(@NotBlank @Size(max = 60) String convoyId) {
    }

    /** Every delegate of the convoy as CSV: UTF-8 with a byte-order mark, so spreadsheet programs keep the accents. */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(@RequestParam @NotBlank String convoyId) {
        scope.require(convoyId);
        Csv csv = Csv.withHeader("delegate_id", "group_id", "lead", "given_name", "family_name", "email", "phone",
                "language", "role", "state", "municipality", "organization", "position", "sectors", "axes", "status",
                "reason", "submitted_at");
        rows(convoyId).forEach(row -> csv.row(row.delegateId(), row.groupId(), row.lead(), row.givenName(),
                row.familyName(), row.email(), row.phone(), row.preferredLanguage(), row.role(), row.state(),
                row.municipality(), row.organization(), row.position(), String.join(" ", row.sectors()),
                String.join(" ", row.axes()), row.status(), row.reason(), row.submittedAt()));
        return csv.download("delegates-" + convoyId);
    }

    private Stream<DelegateRow> rows(String convoyId) {
        return search.all(convoyId).stream().map(OrganizerController::row);
    }

    private static DelegateRow row(DelegateSearch.Row row) {
        return DelegateRow.of(row.groupId(), row.submittedAt(), row.member());
    }

    record Approvals(@NotEmpty @Size(max = 500) List<@NotNull UUID> delegateIds) {
    }

    record Rejections(@NotEmpty @Size(max = 500) List<@NotNull UUID> delegateIds,
            @PlainText(multiline = true) @NotBlank @Size(max = 500) String reason) {
    }
}
