package org.convoy.registration.delegate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.registration.delegate.domain.RegistrationStatus.APPROVED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.ERASED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.RECEIVED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.REJECTED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.SUBMITTED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.WAITLISTED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.WITHDRAWN;
import static org.convoy.registration.delegate.domain.Submissions.ORGANIZER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.domain.Registration.PlaceState;
import org.convoy.registration.delegate.domain.Submissions.Snapshot;
import org.convoy.registration.delegate.domain.Vocabulary.Role;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.test.ForAll;
import org.convoy.support.test.Gen;
import org.junit.jupiter.api.Test;

/**
 * A group's registration under any sequence of decisions about places, organizer decisions, delegates' own
 * changes and erasures, on any of its members. Each rule is checked after every command.
 */
class RegistrationLifecycleProperties {

    /** A story is up to 25 commands on a group of up to six: a fraction of a millisecond. */
    private static final int TRIES = 1_000;

    /** Where each status may go next; staying put is always allowed. */
    private static final Map<RegistrationStatus, Set<RegistrationStatus>> ALLOWED = Map.of(
            RECEIVED, EnumSet.of(SUBMITTED, WAITLISTED, ERASED),
            SUBMITTED, EnumSet.of(APPROVED, REJECTED, WITHDRAWN, ERASED),
            WAITLISTED, EnumSet.of(SUBMITTED, REJECTED, WITHDRAWN, ERASED),
            APPROVED, EnumSet.of(SUBMITTED, REJECTED, WITHDRAWN, ERASED),
            REJECTED, EnumSet.of(ERASED),
            WITHDRAWN, EnumSet.of(ERASED),
            ERASED, EnumSet.noneOf(RegistrationStatus.class));

    private static final Map<PlaceState, Set<PlaceState>> PLACES_ALLOWED = Map.of(
            PlaceState.DECIDING, EnumSet.of(PlaceState.HELD, PlaceState.WAITLISTED),
            PlaceState.WAITLISTED, EnumSet.of(PlaceState.HELD),
            PlaceState.HELD, EnumSet.noneOf(PlaceState.class));

    @Test
    void statusesOnlyMoveAlongAllowedTransitionsAndARefusalChangesNothing() {
        forAllStories((step, before, after, registration, refused) -> {
            if (refused) {
                assertThat(after).as("refused %s", step).isEqualTo(before);
                return;
            }
            for (int i = 0; i < before.members().size(); i++) {
                RegistrationStatus from = before.members().get(i).status();
                RegistrationStatus to = after.members().get(i).status();
                if (from != to) {
                    assertThat(ALLOWED.get(from)).as("member %d moved from %s by %s", i, from, step).contains(to);
                }
            }
            if (before.placeState() != after.placeState()) {
                assertThat(PLACES_ALLOWED.get(before.placeState())).as("places moved from %s by %s",
                        before.placeState(), step).contains(after.placeState());
            }
        });
    }

    @Test
    void placesNeededCountExactlyTheMembersStillTakingPartAndNeverGrow() {
        forAllStories((step, before, after, registration, refused) -> {
            Map<String, Integer> needed = registration.placesNeeded();
            assertThat(needed).as("places needed after %s", step).isEqualTo(takingPart(after));
            Map<String, Integer> earlier = takingPart(before);
            needed.forEach((role, n) -> assertThat(n)
                    .as("%s places needed after %s, where %s were needed before: the convoy would not know", role,
                            step, earlier)
                    .isLessThanOrEqualTo(earlier.getOrDefault(role, 0)));
        });
    }

    @Test
    void everyChangeOfStatusIsToldByAnEventAboutThatMemberAndNoOneElse() {
        forAllStories((step, before, after, registration, refused) -> {
            Set<String> erasedNow = new HashSet<>();
            for (int i = 0; i < before.members().size(); i++) {
                if (before.members().get(i).status() != RegistrationStatus.ERASED
                        && after.members().get(i).status() == RegistrationStatus.ERASED) {
                    erasedNow.add(after.members().get(i).delegateId().toString());
                }
            }
            List<OutboxEntry> kept = before.events().stream().filter(event -> !erasedNow.contains(event.key()))
                    .toList();
            List<OutboxEntry> recorded = after.events().subList(kept.size(), after.events().size());
            assertThat(after.events().subList(0, kept.size()))
                    .as("events already recorded stay as they were, but those of a member erased now do not go out")
                    .isEqualTo(kept);
            Set<String> members = new HashSet<>();
            after.members().forEach(member -> members.add(member.delegateId().toString()));
            assertThat(recorded).extracting(OutboxEntry::key).as("events recorded by %s", step)
                    .allMatch(members::contains);
            for (int i = 0; i < before.members().size(); i++) {
                Member was = before.members().get(i);
                Member is = after.members().get(i);
                if (was.status() != is.status()) {
                    assertThat(recorded).extracting(OutboxEntry::key)
                            .as("member %d moved from %s to %s by %s", i, was.status(), is.status(), step)
                            .contains(is.delegateId().toString());
                }
            }
        });
    }

    /**
     * Guards the properties above against stories where nothing much happens: every status is reached, and a fair
     * share of commands is refused.
     */
    @Test
    void theStoriesReachEveryStatusAndGetRefused() {
        Set<RegistrationStatus> reached = EnumSet.noneOf(RegistrationStatus.class);
        int commands = 0;
        int refused = 0;
        for (Story story : ForAll.inputs(RegistrationLifecycleProperties::story).tries(TRIES).samples()) {
            int[] refusals = {0};
            replay(story, (step, before, after, registration, wasRefused) -> {
                after.members().forEach(member -> reached.add(member.status()));
                refusals[0] += wasRefused ? 1 : 0;
            });
            commands += story.commands().size();
            refused += refusals[0];
        }

        assertThat(reached).containsExactlyInAnyOrder(RegistrationStatus.values());
        assertThat((double) refused / commands).as("share of commands refused").isBetween(0.1, 0.7);
    }

    private static void forAllStories(Check check) {
        ForAll.inputs(RegistrationLifecycleProperties::story).tries(TRIES).shrinking(Story::smaller)
                .check(story -> replay(story, check));
    }

    private static void replay(Story story, Check check) {
        List<DelegateProfile> profiles = story.roles().stream().map(Delegates::profile).toList();
        Registration registration = Submissions.received(profiles.get(0),
                profiles.subList(1, profiles.size()).toArray(DelegateProfile[]::new));
        Instant now = Submissions.SUBMITTED_AT;
        for (Command command : story.commands()) {
            now = now.plusSeconds(60);
            Snapshot before = Snapshot.of(registration);
            boolean refused = false;
            try {
                command.applyTo(registration, now);
            } catch (RegistrationRefusedException e) {
                refused = true;
            }
            check.after(command, before, Snapshot.of(registration), registration, refused);
        }
    }

    // --- what happens ---

    /** A group submitted by the first of its members, and the commands it receives, in order. */
    private record Story(List<Role> roles, List<Command> commands) {

        /**
         * One command fewer; else one member fewer (the group keeps at least one). Commands name members by their
         * place in the group, counted round.
         */
        List<Story> smaller() {
            List<Story> smaller = new ArrayList<>();
            ForAll.oneLess(commands).forEach(fewer -> smaller.add(new Story(roles, fewer)));
            if (roles.size() > 1) {
                ForAll.oneLess(roles).forEach(fewer -> smaller.add(new Story(fewer, commands)));
            }
            return smaller;
        }

        @Override
        public String toString() {
            return "group " + roles + "; commands:\n  "
                    + String.join("\n  ", commands.stream().map(Command::toString).toList());
        }
    }

    private static Story story(Gen gen) {
        return new Story(gen.listOf(1, 6, g -> g.oneOf(List.of(Role.values()))),
                gen.listOf(0, 25, RegistrationLifecycleProperties::command));
    }

    /**
     * Out of 19: places decided 3, promotions 2, approvals 3, rejections 2, withdrawals 2, edits 3, erasures 2, links
     * asked for 1, releases recorded 1.
     */
    private static Command command(Gen gen) {
        int member = gen.between(0, 5);
        return switch (gen.between(1, 19)) {
            case 1, 2, 3 -> new PlacesDecided(gen.chance(0.5));
            case 4, 5 -> new Promoted();
            case 6, 7, 8 -> new Approve(member);
            case 9, 10 -> new Reject(member);
            case 11, 12 -> new Withdraw(member);
            case 13, 14, 15 -> new Edit(member, gen.oneOf(List.of(Change.values())));
            case 16, 17 -> new Erase(member);
            case 18 -> new LinkAskedFor(member);
            default -> new ReleaseRecorded();
        };
    }

    /** The members still taking part, by role. */
    private static Map<String, Integer> takingPart(Snapshot registration) {
        Map<String, Integer> byRole = new HashMap<>();
        registration.members().stream().filter(member -> member.status().active())
                .forEach(member -> byRole.merge(member.profile().role(), 1, Integer::sum));
        return byRole;
    }

    @FunctionalInterface
    private interface Check {

        void after(Command step, Snapshot before, Snapshot after, Registration registration, boolean refused);
    }

    /** Something that happens to the group, addressed to one of its members by position where it needs one. */
    private sealed interface Command
            permits PlacesDecided, Promoted, Approve, Reject, Withdraw, Edit, Erase, LinkAskedFor, ReleaseRecorded {

        void applyTo(Registration registration, Instant now);

        static UUID member(Registration registration, int index) {
            List<Member> members = registration.members();
            return members.get(index % members.size()).delegateId();
        }
    }

    private record PlacesDecided(boolean held) implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            registration.placeDecided(held, Submissions.LINKS, Submissions.KEYS, now);
        }
    }

    private record Promoted() implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            registration.promoted(now);
        }
    }

    private record Approve(int member) implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            registration.approve(Command.member(registration, member), ORGANIZER, now);
        }
    }

    private record Reject(int member) implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            registration.reject(Command.member(registration, member), "Agenda complete", ORGANIZER, now);
        }
    }

    private record Withdraw(int member) implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            registration.withdraw(Command.member(registration, member), "delegate", now);
        }
    }

    /** What a delegate changes through their personal link. */
    private enum Change { PHONE, FAMILY_NAME, ORGANIZATION, POSITION, NOTHING }

    private record Edit(int member, Change change) implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            UUID delegateId = Command.member(registration, member);
            DelegateProfile profile = registration.member(delegateId).profile();
            DelegateProfile changed = switch (change) {
                case PHONE -> Delegates.withPhone(profile, "+52331" + now.getEpochSecond() % 10_000_000);
                case FAMILY_NAME -> Delegates.withFamilyName(profile, "Núñez " + now.getEpochSecond());
                case ORGANIZATION -> Delegates.withOrganization(profile, "Organization " + now.getEpochSecond());
                case POSITION -> Delegates.withPosition(profile, "Position " + now.getEpochSecond());
                case NOTHING -> profile;
            };
            registration.edit(delegateId, changed, Submissions.KEYS, "delegate", now);
        }
    }

    private record Erase(int member) implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            registration.erase(Command.member(registration, member), ORGANIZER, now);
        }
    }

    private record LinkAskedFor(int member) implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            UUID delegateId = Command.member(registration, member);
            registration.linkReissued(delegateId, Submissions.LINKS.apply(delegateId), now);
        }
    }

    private record ReleaseRecorded() implements Command {

        @Override
        public void applyTo(Registration registration, Instant now) {
            registration.releaseRecorded();
        }
    }
}
