package org.convoy.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Claimed notices leave on lanes: the consumer does not wait for the provider, and a delegate's keep their order. */
class SendingLanesTest {

    @Test
    void theConsumerGoesOnWhileAProviderIsSlow() throws Exception {
        SendingLanes lanes = new SendingLanes(2);
        CountDownLatch providerAnswers = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(1);

        lanes.send(UUID.randomUUID(), () -> {
            await(providerAnswers);
            sent.countDown();
        });

        assertThat(sent.getCount()).as("handed over, not sent yet").isEqualTo(1);
        providerAnswers.countDown();
        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
        lanes.destroy();
    }

    @Test
    void eachDelegatesNoticesLeaveInTheOrderTheyWereClaimed() throws Exception {
        SendingLanes lanes = new SendingLanes(3);
        List<UUID> delegates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            delegates.add(UUID.randomUUID());
        }
        Map<UUID, List<Integer>> sent = new ConcurrentHashMap<>();
        for (int notice = 0; notice < 50; notice++) {
            for (UUID delegate : delegates) {
                int number = notice;
                lanes.send(delegate, () -> sent.computeIfAbsent(delegate, d -> Collections.synchronizedList(
                        new ArrayList<>())).add(number));
            }
        }
        lanes.destroy();

        List<Integer> inOrder = new ArrayList<>();
        for (int notice = 0; notice < 50; notice++) {
            inOrder.add(notice);
        }
        delegates.forEach(delegate -> assertThat(sent.get(delegate)).as("delegate %s", delegate).isEqualTo(inOrder));
    }

    @Test
    void withNoLanesTheConsumerSendsItself() {
        SendingLanes lanes = new SendingLanes(0);
        List<String> threads = new ArrayList<>();

        lanes.send(UUID.randomUUID(), () -> threads.add(Thread.currentThread().getName()));

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
