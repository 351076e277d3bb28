package org.convoy.registration.convoy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.registration.convoy.domain.Convoy.PlaceDecision.HELD;
import static org.convoy.registration.convoy.domain.Convoy.PlaceDecision.WAITLISTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.convoy.registration.convoy.domain.Convoy.PlaceDecision;
import org.convoy.support.test.ForAll;
import org.convoy.support.test.Gen;
import org.junit.jupiter.api.Test;

/**
 * The places ledger under any sequence of submissions, partial and whole departures, repeated requests and
 * delivered promotions, in convoys small enough that groups wait and get promoted. Every rule is checked after
 * every step.
 */
class ConvoyPlacesProperties {

    /** A story is up to 40 steps on a few groups, each step checked: about half a millisecond. */
    private static final int TRIES = 1_000;

    /** The vocabulary's roles, and one more that no convoy ever limits by name. */
    private static final List<String> ROLES = List.of("MAYOR", "STATE_REPRESENTATIVE", "BUSINESS_DELEGATE", "STAFF",
            "PRESS");
    /** The roles a convoy may limit. */
    private static final List<String> LIMITED = ROLES.subList(0, 4);

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void placesTakenNeverExceedTheCapacityByRoleNorInTotal() {
        forAllStories(run -> {
            Convoy.Capacity capacity = run.capacity;
            Map<String, Integer> taken = run.convoy.placesTaken();
            assertThat(size(taken)).as("places taken after %s", run.lastStep).isLessThanOrEqualTo(capacity.total());
            capacity.byRole().forEach((role, most) -> assertThat(taken.getOrDefault(role, 0))
                    .as("%s places taken after %s", role, run.lastStep).isLessThanOrEqualTo(most));
        });
    }

    @Test
    void aGroupIsWhollySeatedWhollyWaitingOrGoneNeverSplit() {
        forAllStories(run -> {
            Map<String, Integer> seated = new HashMap<>();
            int waiting = 0;
            for (Submitted group : run.groups) {
                Optional<PlaceDecision> decision = run.convoy.decisionFor(group.id);
                if (group.gone()) {
                    assertThat(decision).as("%s left entirely, after %s", group, run.lastStep).isEmpty();
                    assertThat(run.convoy.waitlistPosition(group.id)).isZero();
                } else if (decision.orElseThrow(() -> new AssertionError(group + " lost, after " + run.lastStep))
                        == HELD) {
                    group.counts().forEach((role, n) -> seated.merge(role, n, Integer::sum));
                    assertThat(run.convoy.waitlistPosition(group.id)).as("%s holds places and waits", group).isZero();
                } else {
                    waiting += size(group.counts());
                    assertThat(run.convoy.waitlistPosition(group.id)).as("%s waits without a turn", group).isPositive();
                }
            }
            assertThat(withoutZeros(run.convoy.placesTaken()))
                    .as("places taken are exactly those of the seated groups' current members, after %s", run.lastStep)
                    .isEqualTo(withoutZeros(seated));
            assertThat(run.convoy.waiting())
                    .as("places waited for are exactly those of the waiting groups' current members, after %s",
                            run.lastStep)
                    .isEqualTo(waiting);
        });
    }

    @Test
    void noWaitingGroupFitsTheFreePlaces() {
        forAllStories(run -> {
            Map<String, Integer> taken = run.convoy.placesTaken();
            for (Submitted group : run.present()) {
                if (run.convoy.decisionFor(group.id).orElseThrow() == WAITLISTED) {
                    assertThat(fits(run.capacity, taken, group.counts()))
                            .as("%s still waits although it fits beside %s, after %s", group, taken, run.lastStep)
                            .isFalse();
                }
            }
        });
    }

    @Test
    void placesGoFirstFitOldestFirstAsInTheReferenceModel() {
        forAllStories(run -> {
            assertThat(run.ledgerAnswer).as("the ledger's answer to %s", run.lastStep).isEqualTo(run.modelAnswer);
            List<UUID> seated = run.present().stream()
                    .filter(group -> run.convoy.decisionFor(group.id).orElseThrow() == HELD)
                    .map(group -> group.id).toList();
            assertThat(seated).as("seated groups after %s", run.lastStep)
                    .containsExactlyInAnyOrderElementsOf(run.model.seated());
            List<UUID> waitlist = run.present().stream()
                    .filter(group -> run.convoy.waitlistPosition(group.id) > 0)
                    .sorted(Comparator.comparingInt(group -> run.convoy.waitlistPosition(group.id)))
                    .map(group -> group.id).toList();
            assertThat(waitlist).as("waitlist in order after %s", run.lastStep).isEqualTo(run.model.waiting());
            assertThat(run.convoy.pendingPromotions()).as("promotions still to tell after %s", run.lastStep)
                    .isEqualTo(run.model.pending);
        });
    }

    /**
     * A convoy is stored group by group, writing only the groups each decision changed; read back from those
     * writes, it is the same ledger: the same decisions, waitlist order, places taken and promotions to tell.
     */
    @Test
    void aConvoyReadBackFromTheGroupsEachDecisionChangedIsTheSameLedger() {
        forAllStories(run -> {
            Convoy readBack = Convoy.restore(run.convoy.id(), run.convoy.name(), run.convoy.startsOn(),
                    run.convoy.endsOn(), run.convoy.retainUntil(), run.capacity, List.copyOf(run.stored.values()),
                    run.convoy.pendingPromotions(), run.convoy.nextSequence());
            assertThat(Observed.of(readBack, run.groups)).as("read back after %s", run.lastStep)
                    .isEqualTo(Observed.of(run));
            assertThat(readBack.nextSequence()).isEqualTo(run.convoy.nextSequence());
        });
    }

    @Test
    void allocatingAKnownGroupAgainChangesNothing() {
        forAllStories(run -> {
            Observed before = Observed.of(run);
            for (Submitted group : run.present()) {
                PlaceDecision again = run.convoy.allocate(group.id, group.submittedCounts(), run.tick());
                assertThat(again).as("%s asking again after %s", group, run.lastStep)
                        .isEqualTo(before.decisions.get(group.id).orElseThrow());
                assertThat(Observed.of(run)).as("%s asking again after %s", group, run.lastStep).isEqualTo(before);
            }
        });
    }

    /**
     * Guards the properties above against stories where nothing much happens: in a fair share of them a release
     * promotes a waiting group, so promotions, and the reference model's order of them, are put to the test.
     */
    @Test
    void inAFairShareOfStoriesAReleasePromotesAWaitingGroup() {
        List<Story> stories = ForAll.inputs(ConvoyPlacesProperties::story).tries(TRIES).samples();
        long promoting = stories.stream().filter(story -> replay(story, run -> {
        }).promotions > 0).count();

        assertThat(100.0 * promoting / stories.size()).as("%% of stories where a release promoted a waiting group")
                .isGreaterThan(30);
    }

    private static void forAllStories(Consumer<Run> check) {
        ForAll.inputs(ConvoyPlacesProperties::story).tries(TRIES).shrinking(Story::smaller)
                .check(story -> replay(story, check));
    }

    // --- what happens ---

    /** A convoy's places, and what happens to them, in order. */
    private record Story(Convoy.Capacity capacity, List<Op> operations) {

        /**
         * One step fewer; else one step simpler (a group submitted with one member fewer, a whole group leaving
         * instead of some of it); else one place fewer or one role limit fewer. Each is a story of its own: steps
         * name groups by their place in arrival order and members by their place in the group.
         */
        List<Story> smaller() {
            List<Story> smaller = new ArrayList<>();
            ForAll.oneLess(operations).forEach(fewer -> smaller.add(new Story(capacity, fewer)));
            for (int i = 0; i < operations.size(); i++) {
                for (Op simpler : operations.get(i).simpler()) {
                    List<Op> changed = new ArrayList<>(operations);
                    changed.set(i, simpler);
                    smaller.add(new Story(capacity, List.copyOf(changed)));
                }
            }
            if (capacity.total() > 0) {
                smaller.add(new Story(new Convoy.Capacity(capacity.total() - 1, capacity.byRole()), operations));
            }
            capacity.byRole().keySet().stream().sorted().forEach(role -> {
                Map<String, Integer> fewer = new TreeMap<>(capacity.byRole());
                fewer.remove(role);
                smaller.add(new Story(new Convoy.Capacity(capacity.total(), Map.copyOf(fewer)), operations));
            });
            return smaller;
        }

        /** The capacity and each step, with the group it came to and the ledger's answer. */
        @Override
        public String toString() {
            StringBuilder told = new StringBuilder(capacity.total() + " places, at most "
                    + new TreeMap<>(capacity.byRole()) + "; steps:");
            Run run = new Run(capacity);
            for (Op operation : operations) {
                told.append("\n  ").append(operation);
                run.chosen = null;
                run.answered(null, null);
                try {
                    operation.applyTo(run);
                } catch (RuntimeException e) {
                    told.append(" -> ").append(e);
                    continue;
                }
                told.append(" -> ").append(run.chosen == null ? "no group" : run.chosen);
                if (run.ledgerAnswer != null) {
                    told.append(", answered ").append(run.ledgerAnswer instanceof List<?> promoted
                            ? "promoted " + promoted.stream().map(id -> "group "
                                    + ((UUID) id).getLeastSignificantBits()).toList()
                            : run.ledgerAnswer);
                }
            }
            return told.toString();
        }
    }

    private static Story story(Gen gen) {
        return new Story(capacity(gen), gen.listOf(5, 40, ConvoyPlacesProperties::operation));
    }

    /** Up to 24 places; each role limited, to at most 8, in three convoys out of five. */
    private static Convoy.Capacity capacity(Gen gen) {
        int total = gen.between(0, 24);
        Map<String, Integer> byRole = new TreeMap<>();
        for (String role : LIMITED) {
            if (gen.chance(0.6)) {
                byRole.put(role, gen.between(0, 8));
            }
        }
        return new Convoy.Capacity(total, Map.copyOf(byRole));
    }

    /** Submissions 4 times in 11, some leaving 3, all leaving 2, asking again 1 and promotions told 1. */
    private static Op operation(Gen gen) {
        return switch (gen.between(1, 11)) {
            case 1, 2, 3, 4 -> new Submit(gen.listOf(1, 11, g -> g.oneOf(ROLES)));
            case 5, 6, 7 -> new SomeLeave(anyGroup(gen), gen.between(0, (1 << 11) - 1), gen.chance(0.5));
            case 8, 9 -> new AllLeave(anyGroup(gen));
            case 10 -> new AskAgain(anyGroup(gen));
            default -> new PromotionTold(anyGroup(gen));
        };
    }

    /** A group picked by its place in arrival order, counted round. */
    private static int anyGroup(Gen gen) {
        return gen.between(0, 1000);
    }

    private static Run replay(Story story, Consumer<Run> check) {
        Run run = new Run(story.capacity());
        check.accept(run);
        for (Op operation : story.operations()) {
            run.lastStep = operation;
            operation.applyTo(run);
            run.store();
            check.accept(run);
        }
        return run;
    }

    private static boolean fits(Convoy.Capacity capacity, Map<String, Integer> taken, Map<String, Integer> group) {
        if (size(taken) + size(group) > capacity.total()) {
            return false;
        }
        return group.entrySet().stream().allMatch(need -> !capacity.byRole().containsKey(need.getKey())
                || taken.getOrDefault(need.getKey(), 0) + need.getValue() <= capacity.byRole().get(need.getKey()));
    }

    private static int size(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> nonZero = new TreeMap<>(counts);
        nonZero.values().removeIf(n -> n == 0);
        return nonZero;
    }

    /** One thing that happens to the convoy's places. */
    private sealed interface Op permits Submit, SomeLeave, AllLeave, AskAgain, PromotionTold {

        void applyTo(Run run);

        /** This step made simpler, in the ways there are: for shrinking a failing story. */
        default List<Op> simpler() {
            return List.of();
        }
    }

    /** A group registers: it is decided whether it holds places or waits. */
    private record Submit(List<String> members) implements Op {

        @Override
        public List<Op> simpler() {
            return members.size() == 1 ? List.of() : ForAll.oneLess(members).stream().<Op>map(Submit::new).toList();
        }

        @Override
        public void applyTo(Run run) {
            Submitted group = new Submitted(new UUID(0, run.groups.size() + 1L), members);
            run.groups.add(group);
            run.chosen = group;
            run.answered(run.convoy.allocate(group.id, group.counts(), run.tick()),
                    run.model.allocate(group.id, group.counts()));
        }
    }

    /**
     * Some members of a group withdraw, are rejected or erased: the group keeps the places (or waits for those) of
     * the members still taking part, possibly listing the roles of those who left with zero.
     */
    private record SomeLeave(int group, int leaving, boolean zerosListed) implements Op {

        @Override
        public List<Op> simpler() {
            return List.of(new AllLeave(group));
        }

        @Override
        public void applyTo(Run run) {
            run.any(group).ifPresent(chosen -> {
                run.chosen = chosen;
                List<String> remaining = new ArrayList<>();
                for (int i = 0; i < chosen.remaining().size(); i++) {
                    if ((leaving & (1 << i)) == 0) {
                        remaining.add(chosen.remaining().get(i));
                    }
                }
                chosen.remain(remaining);
                Map<String, Integer> counts = new LinkedHashMap<>();
                if (zerosListed) {
                    chosen.submitted.forEach(role -> counts.put(role, 0));
                }
                counts.putAll(chosen.counts());
                run.released(chosen, counts);
            });
        }
    }

    /** The whole group withdraws, is rejected or erased. */
    private record AllLeave(int group) implements Op {

        @Override
        public void applyTo(Run run) {
            run.any(group).ifPresent(chosen -> {
                run.chosen = chosen;
                chosen.remain(List.of());
                run.released(chosen, Map.of());
            });
        }
    }

    /** A group still taking part is decided again (a retried or replayed submission). */
    private record AskAgain(int group) implements Op {

        @Override
        public void applyTo(Run run) {
            List<Submitted> present = run.present();
            if (!present.isEmpty()) {
                Submitted chosen = present.get(group % present.size());
                run.chosen = chosen;
                run.answered(run.convoy.allocate(chosen.id, chosen.submittedCounts(), run.tick()),
                        run.model.allocate(chosen.id, chosen.counts()));
            }
        }
    }

    /** A group has been told of its promotion (or is told again). */
    private record PromotionTold(int group) implements Op {

        @Override
        public void applyTo(Run run) {
            run.any(group).ifPresent(chosen -> {
                run.chosen = chosen;
                run.convoy.promotionDelivered(chosen.id);
                run.model.told(chosen.id);
                run.answered(null, null);
            });
        }
    }

    /** A group as the test knows it: who it registered with and who still takes part. */
    private static final class Submitted {

        final UUID id;
        final List<String> submitted;
        private List<String> remaining;
        private Map<String, Integer> counts;

        Submitted(UUID id, List<String> members) {
            this.id = id;
            this.submitted = List.copyOf(members);
            remain(members);
        }

        void remain(List<String> members) {
            remaining = List.copyOf(members);
            counts = Groups.ofRoles(remaining);
        }

        List<String> remaining() {
            return remaining;
        }

        Map<String, Integer> counts() {
            return counts;
        }

        Map<String, Integer> submittedCounts() {
            return Groups.ofRoles(submitted);
        }

        boolean gone() {
            return remaining.isEmpty();
        }

        @Override
        public String toString() {
            return "group " + id.getLeastSignificantBits() + " " + counts();
        }
    }

    /** The ledger under test, the reference model beside it, and the groups submitted so far in arrival order. */
    private static final class Run {

        final Convoy.Capacity capacity;
        final Convoy convoy;
        final FirstFitModel model;
        final List<Submitted> groups = new ArrayList<>();
        Op lastStep;
        /** The group the last step came to, if any. */
        Submitted chosen;
        Object ledgerAnswer;
        Object modelAnswer;
        int promotions;
        private Instant now = OPENED;

        Run(Convoy.Capacity capacity) {
            this.capacity = capacity;
            this.convoy = Convoys.withPlaces(capacity);
            this.model = new FirstFitModel(capacity);
        }

        /** The groups as stored: each one as the last decision that changed it left it. */
        final Map<UUID, Convoy.Place> stored = new HashMap<>();

        void store() {
            for (Convoy.Change change : convoy.takeChanges()) {
                change.place().ifPresentOrElse(place -> stored.put(change.groupId(), place),
                        () -> stored.remove(change.groupId()));
            }
        }

        Instant tick() {
            now = now.plusSeconds(60);
            return now;
        }

        Optional<Submitted> any(int index) {
            return groups.isEmpty() ? Optional.empty() : Optional.of(groups.get(index % groups.size()));
        }

        List<Submitted> present() {
            return groups.stream().filter(group -> !group.gone()).toList();
        }

        void released(Submitted group, Map<String, Integer> counts) {
            List<UUID> promoted = convoy.release(group.id, counts);
            answered(promoted, model.release(group.id, counts));
            if (!promoted.isEmpty()) {
                promotions++;
            }
        }

        void answered(Object byLedger, Object byModel) {
            ledgerAnswer = byLedger;
            modelAnswer = byModel;
        }
    }

    /** What can be seen of the ledger from outside. */
    private record Observed(Map<String, Integer> taken, int waiting, List<UUID> pending,
            Map<UUID, Optional<PlaceDecision>> decisions, Map<UUID, Integer> positions) {

        static Observed of(Run run) {
            return of(run.convoy, run.groups);
        }

        static Observed of(Convoy convoy, List<Submitted> groups) {
            Map<UUID, Optional<PlaceDecision>> decisions = new HashMap<>();
            Map<UUID, Integer> positions = new HashMap<>();
            groups.forEach(group -> {
                decisions.put(group.id, convoy.decisionFor(group.id));
                positions.put(group.id, convoy.waitlistPosition(group.id));
            });
            return new Observed(withoutZeros(convoy.placesTaken()), convoy.waiting(), convoy.pendingPromotions(),
                    decisions, positions);
        }
    }

    /**
     * The reference: groups in arrival order, each seated or waiting. Free places go to the oldest waiting group that
     * fits, then again to the oldest that fits what is left, until none fits. A group seated on arrival learns it from
     * the answer; a group seated later is a promotion to tell.
     */
    private static final class FirstFitModel {

        private final Convoy.Capacity capacity;
        private final List<ModelGroup> groups = new ArrayList<>();
        final List<UUID> pending = new ArrayList<>();

        FirstFitModel(Convoy.Capacity capacity) {
            this.capacity = capacity;
        }

        PlaceDecision allocate(UUID id, Map<String, Integer> counts) {
            if (find(id).isEmpty()) {
                groups.add(new ModelGroup(id, counts));
                List<UUID> promoted = promote();
                promoted.remove(id);
                pending.addAll(promoted);
            }
            return find(id).orElseThrow().seated ? HELD : WAITLISTED;
        }

        List<UUID> release(UUID id, Map<String, Integer> remaining) {
            find(id).ifPresent(group -> {
                if (size(remaining) == 0) {
                    groups.remove(group);
                } else {
                    group.counts = remaining;
                }
            });
            List<UUID> promoted = promote();
            pending.addAll(promoted);
            return promoted;
        }

        void told(UUID id) {
            pending.remove(id);
        }

        List<UUID> seated() {
            return groups.stream().filter(group -> group.seated).map(group -> group.id).toList();
        }

        List<UUID> waiting() {
            return groups.stream().filter(group -> !group.seated).map(group -> group.id).toList();
        }

        private List<UUID> promote() {
            List<UUID> promoted = new ArrayList<>();
            Optional<ModelGroup> next = oldestWaitingThatFits();
            while (next.isPresent()) {
                next.get().seated = true;
                promoted.add(next.get().id);
                next = oldestWaitingThatFits();
            }
            return promoted;
        }

        private Optional<ModelGroup> oldestWaitingThatFits() {
            int seatedTotal = 0;
            Map<String, Integer> seatedByRole = new HashMap<>();
            for (ModelGroup group : groups) {
                if (group.seated) {
                    seatedTotal += size(group.counts);
                    group.counts.forEach((role, n) -> seatedByRole.merge(role, n, Integer::sum));
                }
            }
            int freeTotal = capacity.total() - seatedTotal;
            return groups.stream().filter(group -> !group.seated && size(group.counts) <= freeTotal
                    && group.counts.entrySet().stream().allMatch(need -> freeFor(need.getKey(), seatedByRole)
                            >= need.getValue())).findFirst();
        }

        /** Places still free for a role: what its own limit leaves, or no limit of its own. */
        private int freeFor(String role, Map<String, Integer> seatedByRole) {
            Integer most = capacity.byRole().get(role);
            return most == null ? Integer.MAX_VALUE : most - seatedByRole.getOrDefault(role, 0);
        }

        private Optional<ModelGroup> find(UUID id) {
            return groups.stream().filter(group -> group.id.equals(id)).findFirst();
        }

        private static final class ModelGroup {

            final UUID id;
            Map<String, Integer> counts;
            boolean seated;

            ModelGroup(UUID id, Map<String, Integer> counts) {
                this.id = id;
                this.counts = counts;
            }
        }
    }
}
