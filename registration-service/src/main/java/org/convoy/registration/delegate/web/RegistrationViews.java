package org.convoy.registration.delegate.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.domain.HistoryEntry;
import org.convoy.registration.delegate.domain.Member;
import org.convoy.registration.delegate.domain.Registration;

/** The shapes registrations take in answers. */
final class RegistrationViews {

    private RegistrationViews() {
    }

    /** The answer to a submission: who was registered and where each one stands. */
    record Submission(UUID id, String convoyId, String status, Instant submittedAt, List<MemberStatus> members) {

        static Submission of(Registration registration) {
            return new Submission(registration.id(), registration.convoyId(), registration.lead().status().name(),
                    registration.submittedAt(), registration.members().stream().map(MemberStatus::of).toList());
        }
    }

    record MemberStatus(UUID delegateId, boolean lead, String givenName, String familyName, String role, String status) {

        static MemberStatus of(Member member) {
            return new MemberStatus(member.delegateId(), member.lead(), member.profile().givenName(),
                    member.profile().familyName(), member.profile().role(), member.status().name());
        }
    }

    /**
     * What a delegate sees through their personal link.
     *
     * @param convoyNames  the convoy's name by language, as the page shows it
     * @param calendarFeed the address a calendar app subscribes to; it opens that feed and nothing else
     */
    record SelfService(UUID delegateId, String convoyId, Map<String, String> convoyNames, String status, String reason,
            DelegateProfile profile, Instant submittedAt, List<MemberStatus> group, boolean mayManageGroup,
            String calendarFeed) {

        static SelfService of(Registration registration, Member me, Map<String, String> convoyNames,
                String calendarFeed) {
            List<MemberStatus> group = me.lead()
                    ? registration.members().stream().map(MemberStatus::of).toList()
                    : List.of(MemberStatus.of(me));
            return new SelfService(me.delegateId(), registration.convoyId(), convoyNames, me.status().name(), me.reason(),
                    me.profile(), registration.submittedAt(), group, me.lead(), calendarFeed);
        }
    }

    /** One delegate as organizers list, filter and export them. */
    record DelegateRow(UUID delegateId, UUID groupId, boolean lead, String givenName, String familyName, String email,
            String phone, String preferredLanguage, String role, String state, String municipality, String organization,
            String position, List<String> sectors, List<String> axes, String status, String reason,
            Instant submittedAt) {

        static DelegateRow of(Registration registration, Member member) {
            return of(registration.id(), registration.submittedAt(), member);
        }

        static DelegateRow of(UUID groupId, Instant submittedAt, Member member) {
            DelegateProfile p = member.profile();
            return new DelegateRow(member.delegateId(), groupId, member.lead(), p.givenName(), p.familyName(),
                    p.email(), p.phone(), p.preferredLanguage(), p.role(), p.state(), p.municipality(), p.organization(),
                    p.position(), p.sectors(), p.axes(), member.status().name(), member.reason(), submittedAt);
        }
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record History(UUID delegateId, List<HistoryEntry> changes) {
    }
}
