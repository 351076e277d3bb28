package org.convoy.support.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.convoy.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The event topics are created at start with the partitions, copies and settings configured, and a configuration or
 * a cluster that would lose acknowledged events stops the service from starting, on a real KRaft broker of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicLayoutIT {

    private static final List<String> EVENT_TOPICS = List.of(Topics.DELEGATES, Topics.DELEGATE_KEYS, Topics.CONVOYS,
            Topics.SESSIONS, Topics.MEETINGS, Topics.HOSTS);

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        admin = Admin.create(config);
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.destroy();
    }

    @Test
    @Order(1)
    void createsEveryEventTopicWithItsPartitionsAndSettings() throws Exception {
        layout(4, 1, 1).afterSingletonsInstantiated();

        assertThat(admin.describeTopics(EVENT_TOPICS).allTopicNames().get().values())
                .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(4));
        Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs = configs(EVENT_TOPICS);
        assertThat(configs.values()).allSatisfy(config -> {
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
            assertThat(config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG).value()).isEqualTo("false");
        });
        assertThat(configs.get(topic(Topics.DELEGATE_KEYS)).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                .isEqualTo("compact");
        assertThat(configs.get(topic(Topics.DELEGATES)).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                .isEqualTo("delete");
    }

    @Test
    @Order(2)
    void startsOnTopicsWithFewerPartitionsThanConfiguredAndLeavesThemAsTheyAre() throws Exception {
        layout(8, 1, 1).afterSingletonsInstantiated();

        assertThat(admin.describeTopics(List.of(Topics.MEETINGS)).allTopicNames().get().get(Topics.MEETINGS)
                .partitions()).as("adding partitions would move keys").hasSize(4);
    }

    @Test
    @Order(3)
    void refusesMoreCopiesThanTheClusterHasBrokers() {
        assertThatThrownBy(() -> layout(4, 3, 2).afterSingletonsInstantiated())
                .isInstanceOf(TopicLayout.UnsafeTopicLayoutException.class)
                .hasMessageContaining("3 copies").hasMessageContaining("has 1 broker");
    }

    @Test
    @Order(4)
    void refusesSettingsThatCouldLoseOrNeverAcknowledgeAnEvent() {
        assertThatThrownBy(() -> layout(4, 3, 1).afterSingletonsInstantiated())
                .isInstanceOf(TopicLayout.UnsafeTopicLayoutException.class)
                .hasMessageContaining("min.insync.replicas must be at least 2");
        assertThatThrownBy(() -> layout(4, 1, 2).afterSingletonsInstantiated())
                .isInstanceOf(TopicLayout.UnsafeTopicLayoutException.class)
                .hasMessageContaining("no event could be acknowledged");
    }

    @Test
    @Order(5)
    void refusesATopicThatAllowsUncleanLeaderElection() throws Exception {
        uncleanLeaderElection(Topics.MEETINGS, true);
        try {
            assertThatThrownBy(() -> layout(4, 1, 1).afterSingletonsInstantiated())
                    .isInstanceOf(TopicLayout.UnsafeTopicLayoutException.class)
                    .hasMessageContaining(Topics.MEETINGS + " allows unclean leader election");
        } finally {
            uncleanLeaderElection(Topics.MEETINGS, false);
        }
        layout(4, 1, 1).afterSingletonsInstantiated();
    }

    /** Sets the topic's unclean leader election, and waits until the broker describes the topic with it. */
    private static void uncleanLeaderElection(String name, boolean enabled) throws Exception {
        ConfigResource resource = topic(name);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, String.valueOf(enabled)), AlterConfigOp.OpType.SET))))
                .all().get();
        await().atMost(Duration.ofSeconds(30)).until(() -> configs(List.of(name)).get(resource)
                .get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG).value().equals(String.valueOf(enabled)));
    }

    @Test
    @Order(6)
    void leavesTheLayoutToTheBinderWhenNoBrokerAnswers() {
        new TopicLayout("localhost:1", new TopicProperties(4, (short) 1, 1, 3_600_000)).afterSingletonsInstantiated();
    }

    private static TopicLayout layout(int partitions, int copies, int insync) {
        return new TopicLayout(broker.getBrokersAsString(),
                new TopicProperties(partitions, (short) copies, insync, 3_600_000));
    }

    private static Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs(Collection<String> topics)
            throws Exception {
        return admin.describeConfigs(topics.stream().map(TopicLayoutIT::topic).toList()).all().get();
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }
}
