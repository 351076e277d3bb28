package org.convoy.support.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.convoy.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the platform's event topics at start, before any binding uses them, with the partitions, copies and
 * {@code min.insync.replicas} configured ({@link TopicProperties}), and refuses to start on a cluster whose settings
 * would lose an event the broker has acknowledged: more copies asked for than there are brokers, a topic with fewer
 * copies than asked for, fewer than 2 in-sync copies when there are several, or unclean leader election (a replica
 * that missed acknowledged events becoming leader). A topic with fewer partitions than configured is used as it is,
 * with a warning: adding partitions moves keys to other partitions, and with them the order of their events.
 *
 * <p>A service may start while the broker is away (it keeps events in its outbox until the broker returns). When the
 * cluster does not answer within {@link #ADMIN_TIMEOUT}, the layout is left to the binder, which creates a missing
 * topic with the same partitions, copies and settings when it first uses it.
 */
public class TopicLayout implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicLayout.class);
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final TopicProperties properties;

    public TopicLayout(String bootstrapServers, TopicProperties properties) {
        this.bootstrapServers = bootstrapServers;
        this.properties = properties;
    }

    /** The event topics and the settings each is created with. */
    Map<String, Map<String, String>> topics() {
        Map<String, String> common = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInsyncReplicas()),
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
        Map<String, String> compacted = new HashMap<>(common);
        compacted.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        compacted.put(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(properties.keysSegment()));
        compacted.put(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(properties.keysSegment()));
        compacted.put(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01");
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        for (String topic : List.of(Topics.DELEGATES, Topics.CONVOYS, Topics.SESSIONS, Topics.MEETINGS,
                Topics.HOSTS)) {
            topics.put(topic, common);
        }
        topics.put(Topics.DELEGATE_KEYS, compacted);
        return topics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        refuseUnsafeSettings();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            int brokers;
            try {
                brokers = admin.describeCluster().nodes().get().size();
            } catch (ExecutionException unreachable) {
                log.atWarn().addKeyValue("brokers", bootstrapServers).log("The broker did not answer; the event topics "
                        + "are created as the binder first uses them, with the same settings");
                return;
            }
            if (properties.replicationFactor() > brokers) {
                throw new UnsafeTopicLayoutException("Topics are to have " + properties.replicationFactor()
                        + " copies, but the cluster at " + bootstrapServers + " has " + brokers + " broker"
                        + (brokers == 1 ? "" : "s") + " (KAFKA_REPLICATION_FACTOR)");
            }
            create(admin);
            checkOnceKnown(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not lay out the event topics on " + bootstrapServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while laying out the event topics", e);
        }
    }

    private void refuseUnsafeSettings() {
        if (properties.minInsyncReplicas() > properties.replicationFactor()) {
            throw new UnsafeTopicLayoutException("min.insync.replicas " + properties.minInsyncReplicas()
                    + " is more than the " + properties.replicationFactor() + " copies of each partition: no event "
                    + "could be acknowledged (KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR)");
        }
        if (properties.replicationFactor() > 1 && properties.minInsyncReplicas() < 2) {
            throw new UnsafeTopicLayoutException("With " + properties.replicationFactor() + " copies, "
                    + "min.insync.replicas must be at least 2: with 1, an acknowledged event may exist on one broker "
                    + "only and be lost with it (KAFKA_MIN_INSYNC_REPLICAS)");
        }
    }

    private void create(Admin admin) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        topics().forEach((topic, settings) -> {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor())
                        .configs(settings));
            }
        });
        for (var created : admin.createTopics(missing).values().entrySet()) {
            try {
                created.getValue().get();
                log.atInfo().addKeyValue("topic", created.getKey()).addKeyValue("partitions", properties.partitions())
                        .addKeyValue("replicationFactor", properties.replicationFactor()).log("Event topic created");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another service created it meanwhile; the check below judges it as any other.
            }
        }
    }

    /**
     * A topic just created is known to the broker's metadata a moment later: until then describing it says it does
     * not exist. The check waits for that, up to the admin timeout.
     */
    private void checkOnceKnown(Admin admin) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                check(admin);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void check(Admin admin) throws InterruptedException, ExecutionException {
        Collection<String> names = topics().keySet();
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
        List<String> unsafe = new ArrayList<>();
        for (String topic : names) {
            TopicDescription description = described.get(topic);
            int copies = description.partitions().stream().mapToInt(partition -> partition.replicas().size()).min()
                    .orElse(0);
            if (copies < properties.replicationFactor()) {
                unsafe.add(topic + " has " + copies + " cop" + (copies == 1 ? "y" : "ies") + " of a partition, not "
                        + properties.replicationFactor());
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
            int insync = Integer.parseInt(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
            if (insync < properties.minInsyncReplicas()) {
                unsafe.add(topic + " acknowledges events with " + insync + " in-sync cop" + (insync == 1 ? "y" : "ies")
                        + ", not " + properties.minInsyncReplicas());
            }
            if (Boolean.parseBoolean(config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG).value())) {
                unsafe.add(topic + " allows unclean leader election");
            }
            if (description.partitions().size() < properties.partitions()) {
                log.atWarn().addKeyValue("topic", topic).addKeyValue("partitions", description.partitions().size())
                        .addKeyValue("configured", properties.partitions())
                        .log("Event topic has fewer partitions than configured; left as it is, since adding partitions "
                                + "would move keys and the order of their events");
            }
        }
        if (!unsafe.isEmpty()) {
            throw new UnsafeTopicLayoutException("The cluster at " + bootstrapServers + " could lose acknowledged "
                    + "events: " + unsafe.stream().collect(Collectors.joining("; ")));
        }
    }

    /** The cluster's or the configuration's settings would lose acknowledged events: the service does not start. */
    public static final class UnsafeTopicLayoutException extends IllegalStateException {

        UnsafeTopicLayoutException(String message) {
            super(message);
        }
    }
}
