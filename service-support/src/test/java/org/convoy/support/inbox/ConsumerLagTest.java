package org.convoy.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.config.BindingServiceProperties;

class ConsumerLagTest {

    private static final TopicPartition DELEGATES_0 = new TopicPartition("convoy.delegates", 0);
    private static final TopicPartition DELEGATES_1 = new TopicPartition("convoy.delegates", 1);
    private static final TopicPartition MEETINGS_0 = new TopicPartition("convoy.meetings", 0);

    @Test
    void theLagOfATopicIsWhatTheGroupHasNotCommittedOnAnyOfItsPartitions() {
        Map<String, Long> behind = ConsumerLag.behind(Map.of(DELEGATES_0, 10L, DELEGATES_1, 5L, MEETINGS_0, 3L),
                Map.of(DELEGATES_0, 7L, DELEGATES_1, 4L, MEETINGS_0, 3L), Map.of());

        assertThat(behind).containsExactlyInAnyOrderEntriesOf(Map.of("convoy.delegates", 4L, "convoy.meetings", 0L));
    }

    @Test
    void aPartitionTheGroupHasNotCommittedOnCountsFromItsFirstRecord() {
        Map<String, Long> behind = ConsumerLag.behind(Map.of(DELEGATES_0, 10L, DELEGATES_1, 5L),
                Map.of(DELEGATES_1, 5L), Map.of(DELEGATES_0, 4L, DELEGATES_1, 0L));

        assertThat(behind).containsExactlyEntriesOf(Map.of("convoy.delegates", 6L));
    }

    @Test
    void aCommitPastTheEndIsNoNegativeLag() {
        assertThat(ConsumerLag.behind(Map.of(DELEGATES_0, 2L, DELEGATES_1, 5L), Map.of(DELEGATES_0, 9L),
                Map.of(DELEGATES_1, 1L))).containsExactlyEntriesOf(Map.of("convoy.delegates", 4L));
    }

    @Test
    void theGroupsAndTopicsAreThoseOfTheConsumerBindingsAnonymousOnesLeftOut() {
        BindingService bindings = mock(BindingService.class);
        BindingServiceProperties properties = mock(BindingServiceProperties.class);
        when(bindings.getBindingServiceProperties()).thenReturn(properties);
        when(bindings.getConsumerBindingNames()).thenReturn(new String[] { "delegateEvents-in-0", "delegateKeys-in-0",
                "replays-in-0", "anonymous-in-0" });
        when(properties.getGroup("delegateEvents-in-0")).thenReturn("notification");
        when(properties.getBindingDestination("delegateEvents-in-0")).thenReturn("convoy.delegates");
        when(properties.getGroup("delegateKeys-in-0")).thenReturn("notification-keys");
        when(properties.getBindingDestination("delegateKeys-in-0")).thenReturn("convoy.delegate-keys");
        when(properties.getGroup("replays-in-0")).thenReturn("notification");
        when(properties.getBindingDestination("replays-in-0")).thenReturn("convoy.meetings, convoy.convoys");
        when(properties.getBindingDestination("anonymous-in-0")).thenReturn("convoy.sessions");

        assertThat(ConsumerLag.readsOf(bindings)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "notification", Set.of("convoy.delegates", "convoy.meetings", "convoy.convoys"),
                "notification-keys", Set.of("convoy.delegate-keys")));
    }
}
