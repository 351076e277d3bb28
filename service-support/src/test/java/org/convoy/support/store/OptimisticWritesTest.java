package org.convoy.support.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.convoy.events.DelegateApproved;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.OutboxProperties;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.outbox.Outboxed;
import org.convoy.support.problem.BusyException;
import org.convoy.support.problem.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

/** The one way aggregates are changed without transactions: load, change, save; again when another writer won. */
class OptimisticWritesTest {

    private final CountingRelay relay = new CountingRelay();
    private final OptimisticWrites writes = new OptimisticWrites(relay, 3);

    @Test
    void aChangeThatLostItsRaceIsAppliedAgainToTheFreshState() {
        List<Integer> seen = new ArrayList<>();
        AtomicInteger stored = new AtomicInteger(10);
        AtomicInteger saves = new AtomicInteger();

        int result = writes.change(stored::get, value -> {
            seen.add(value);
            return value + 1;
        }, value -> {
            if (saves.incrementAndGet() == 1) {
                stored.set(20); // another writer saved first
                throw new OptimisticLockingFailureException("version moved");
            }
            return value;
        });

        assertThat(seen).containsExactly(10, 20);
        assertThat(result).isEqualTo(21);
    }

    @Test
    void afterItsLastLostRaceTheCallerIsToldToComeBackNotThatTheServiceFailed() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> writes.change(() -> "ledger", value -> attempts.incrementAndGet(), value -> {
            throw new OptimisticLockingFailureException("always late");
        })).isInstanceOfSatisfying(BusyException.class, busy -> assertThat(busy.kind()).isEqualTo(Refusal.Kind.BUSY));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void theRelayIsNudgedOnlyWhenTheSavedAggregateHoldsEventsToPublish() {
        writes.change(() -> new Aggregate(List.of()), aggregate -> null, aggregate -> aggregate);
        assertThat(relay.nudges).isZero();

        writes.change(() -> new Aggregate(List.of(OutboxEntry.of(new DelegateApproved(java.util.UUID.randomUUID(),
                java.time.Instant.now(), DelegateApproved.SCHEMA_VERSION, java.util.UUID.randomUUID(), "c")))),
                aggregate -> null, aggregate -> aggregate);
        assertThat(relay.nudges).isEqualTo(1);
    }

    @Test
    void aRefusalOfTheChangeItselfIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> writes.change(() -> "ledger", value -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not allowed");
        }, value -> value)).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    private record Aggregate(List<OutboxEntry> pendingEvents) implements Outboxed {
    }

    private static final class CountingRelay extends OutboxRelay {

        int nudges;

        CountingRelay() {
            super(null, entry -> { }, new OutboxProperties(List.of(), java.time.Duration.ofSeconds(1), 1,
                    java.time.Duration.ofSeconds(1), 1, java.time.Duration.ofSeconds(5)), new SimpleMeterRegistry(),
                    "counting", java.time.Clock.systemUTC());
        }

        @Override
        public void nudge(Object aggregate) {
            nudges++;
        }
    }
}
