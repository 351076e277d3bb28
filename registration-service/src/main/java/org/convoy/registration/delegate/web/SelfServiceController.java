package org.convoy.registration.delegate.web;

import static org.convoy.registration.delegate.web.Profiles.blankToNull;
import static org.convoy.registration.delegate.web.Profiles.channelNames;
import static org.convoy.registration.delegate.web.Profiles.names;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.Registrations;
import org.convoy.registration.delegate.SelfServiceLinks;
import org.convoy.registration.delegate.domain.DelegateNotFoundException;
import org.convoy.registration.delegate.domain.Member;
import org.convoy.registration.delegate.domain.Registration;
import org.convoy.registration.delegate.domain.RegistrationStatus;
import org.convoy.registration.delegate.domain.Vocabulary;
import org.convoy.registration.delegate.web.RegistrationViews.SelfService;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.sms.TextDestinations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A delegate's own registration, reached with the personal link from their email: read it, change it, and withdraw
 * themselves (a lead also their companions). Nobody else's. The session the link was exchanged for comes in
 * {@code X-Registration-Token}, never in {@code Authorization}, which is for organizers' tokens: the two never meet;
 * {@link DelegateSessionInterceptor} checks it before anything else.
 */
@RestController
@RequestMapping("/api/registrations/self")
class SelfServiceController {

    private final Registrations registrations;
    private final SelfServiceLinks links;
    private final TextDestinations destinations;

    SelfServiceController(Registrations registrations, SelfServiceLinks links, TextDestinations destinations) {
        this.registrations = registrations;
        this.links = links;
        this.destinations = destinations;
    }

    @GetMapping
    SelfService mine(@RequestAttribute(DelegateSessionInterceptor.DELEGATE) UUID session) {
        UUID me = delegate(session);
        Registration registration = registrations.registrationOf(me);
        return view(registration, registration.member(me));
    }

    /** Changes the delegate's own details; phone, texting and organization rules as when registering. */
    @PutMapping
    SelfService change(@RequestAttribute(DelegateSessionInterceptor.DELEGATE) UUID session,
            @Valid @RequestBody ProfileChangeRequest change) {
        UUID me = delegate(session);
        return edit(me, me, change);
    }

    /** A group's lead changes the details of one of their companions. */
    @PutMapping("/group/{delegateId}")
    SelfService changeCompanion(@RequestAttribute(DelegateSessionInterceptor.DELEGATE) UUID session,
            @PathVariable UUID delegateId, @Valid @RequestBody ProfileChangeRequest change) {
        UUID me = delegate(session);
        Registration registration = registrations.registrationOf(me);
        if (!registration.member(me).lead() || registration.findMember(delegateId).isEmpty()) {
            throw new DelegateNotFoundException(delegateId);
        }
        return edit(me, delegateId, change);
    }

    private SelfService edit(UUID me, UUID delegateId, ProfileChangeRequest change) {
        var phone = PhoneNumbers.normalize(change.phone());
        if (change.phone() != null && !change.phone().isBlank() && phone.isEmpty()) {
            throw new FieldProblemException("phone", PhoneNumbers.MESSAGE);
        }
        boolean texts = Vocabulary.Channel.anyTexts(change.channels());
        if (phone.isEmpty() && texts) {
            throw new FieldProblemException("phone", Vocabulary.PHONE_REQUIRED_FOR_TEXTS);
        }
        if (phone.isPresent() && texts && !destinations.allows(phone.get())) {
            throw new FieldProblemException("phone", destinations.refusal());
        }
        Registration after = registrations.edit(delegateId, current -> new DelegateProfile(change.givenName().strip(),
                change.familyName().strip(), current.email(), phone.orElse(null), change.preferredLanguage().name(),
                current.role(), current.state(), blankToNull(change.municipality()), change.organization().strip(),
                blankToNull(change.position()), names(change.sectors()), names(change.axes()),
                channelNames(change.channels()),
                // Sharing with hosts is each delegate's own consent: a lead's edit for a companion keeps theirs.
                delegateId.equals(me) && change.shareWithHosts() != null ? change.shareWithHosts()
                        : current.sharesWithHosts()), delegateId.equals(me) ? "delegate" : "group lead");
        return view(after, after.member(delegateId));
    }

    /** Withdraws the delegate, or the named members of their group when they are its lead. */
    @PostMapping("/withdrawal")
    SelfService withdraw(@RequestAttribute(DelegateSessionInterceptor.DELEGATE) UUID session,
            @Valid @RequestBody(required = false) Withdrawal withdrawal) {
        UUID me = delegate(session);
        Registration registration = registrations.registrationOf(me);
        Member self = registration.member(me);
        List<UUID> who = withdrawal == null || withdrawal.delegateIds() == null || withdrawal.delegateIds().isEmpty()
                ? List.of(me) : withdrawal.delegateIds();
        for (UUID delegateId : who) {
            boolean mine = delegateId.equals(me) || (self.lead() && registration.findMember(delegateId).isPresent());
            if (!mine) {
                throw new DelegateNotFoundException(delegateId);
            }
        }
        who.forEach(delegateId -> registrations.withdraw(delegateId, delegateId.equals(me) ? "delegate" : "group lead"));
        Registration after = registrations.registrationOf(me);
        return view(after, after.member(me));
    }

    record Withdrawal(@Size(max = 11) List<UUID> delegateIds) {
    }

    private SelfService view(Registration registration, Member me) {
        return SelfService.of(registration, me, registrations.convoyNames(registration.convoyId()),
                links.calendarFeed(registration.convoyId(), me.delegateId()));
    }

    /** The delegate the session speaks for; one since erased is as unknown as one that never existed. */
    private UUID delegate(UUID me) {
        if (registrations.registrationOf(me).member(me).status() == RegistrationStatus.ERASED) {
            throw new DelegateNotFoundException(me);
        }
        return me;
    }
}
