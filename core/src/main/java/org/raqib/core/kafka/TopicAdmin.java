package org.raqib.core.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.raqib.core.config.TopicsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up step that makes the cluster's topics match Raqib's contract: creates missing topics with the
 * configured partitions, replication factor, {@code min.insync.replicas} and cleanup policy, and verifies existing
 * ones, reporting every mismatch by topic and setting.
 *
 * <p>It never alters an existing topic: changing partitions or cleanup policy of a live topic is an operator's
 * decision, so a mismatch is reported, not repaired.
 */
public final class TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final TopicsSettings settings;

    /** Uses {@code admin} (not closed here) to manage topics as {@code settings} say. */
    public TopicAdmin(Admin admin, TopicsSettings settings) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Creates the missing topics among {@code topics} and verifies the others.
     *
     * @return the names of the topics it created
     * @throws TopicMismatchException naming every topic and setting that differs from the configuration
     */
    public List<String> ensure(Collection<Topic<?, ?>> topics) {
        Set<String> existing = call(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            if (!existing.contains(topic.name())) {
                missing.add(new NewTopic(topic.name(), settings.partitions(), (short) settings.replicationFactor())
                        .configs(expectedConfigs(topic)));
            }
        }
        List<String> created = new ArrayList<>();
        for (NewTopic topic : missing) {
            try {
                call(admin.createTopics(List.of(topic)).all(), "create topic " + topic.name());
                created.add(topic.name());
                log.info("Created topic {} ({} partitions, replication {})", topic.name(), topic.numPartitions(),
                        topic.replicationFactor());
            } catch (KafkaAdminException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another instance created it between our listing and our request: verify it below like any other.
            }
        }
        List<String> problems = verifyWhenVisible(topics, !created.isEmpty());
        if (!problems.isEmpty()) {
            throw new TopicMismatchException(problems);
        }
        return created;
    }

    /** New topics take a moment to reach every broker's metadata; until then describing them fails. */
    private List<String> verifyWhenVisible(Collection<Topic<?, ?>> topics, boolean justCreated) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(justCreated ? TIMEOUT_SECONDS : 0);
        while (true) {
            try {
                return verify(topics);
            } catch (KafkaAdminException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaAdminException("interrupted while waiting for new topics", e);
            }
        }
    }

    /** Every difference between the cluster's {@code topics} and the configuration, one sentence each. */
    public List<String> verify(Collection<Topic<?, ?>> topics) {
        List<String> names = topics.stream().map(Topic::name).toList();
        Map<String, TopicDescription> descriptions = call(admin.describeTopics(names).allTopicNames(), "describe topics");
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = call(admin.describeConfigs(resources).all(), "describe topic configs");
        List<String> problems = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            TopicDescription description = descriptions.get(topic.name());
            int partitions = description.partitions().size();
            if (partitions != settings.partitions()) {
                problems.add(topic.name() + ": partitions is " + partitions + ", configured " + settings.partitions());
            }
            int replicas = description.partitions().get(0).replicas().size();
            if (replicas != settings.replicationFactor()) {
                problems.add(topic.name() + ": replication factor is " + replicas + ", configured "
                        + settings.replicationFactor());
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            expectedConfigs(topic).forEach((key, expected) -> {
                ConfigEntry entry = config.get(key);
                String actual = entry == null ? "(unset)" : entry.value();
                if (!expected.equals(actual)) {
                    problems.add(topic.name() + ": " + key + " is " + actual + ", configured " + expected);
                }
            });
        }
        return problems;
    }

    /** Partition count and summed end offsets of each topic, for {@code raqib topics}. */
    public Map<String, TopicStatus> status(Collection<Topic<?, ?>> topics) {
        Set<String> existing = call(admin.listTopics().names(), "list topics");
        List<String> names = topics.stream().map(Topic::name).filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = call(admin.describeTopics(names).allTopicNames(), "describe topics");
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(
                p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                call(admin.listOffsets(request).all(), "list end offsets");
        Map<String, TopicStatus> status = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics) {
            TopicDescription d = descriptions.get(topic.name());
            if (d == null) {
                status.put(topic.name(), new TopicStatus(topic.name(), false, 0, 0, 0, topic.cleanupPolicy()));
                continue;
            }
            long end = offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic.name()))
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
            status.put(topic.name(), new TopicStatus(topic.name(), true, d.partitions().size(),
                    d.partitions().get(0).replicas().size(), end, topic.cleanupPolicy()));
        }
        return status;
    }

    private Map<String, String> expectedConfigs(Topic<?, ?> topic) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()));
        if (!topic.compacted()) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.retentionMs()));
        }
        return configs;
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaAdminException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new KafkaAdminException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaAdminException("cannot " + what + ": Kafka did not answer within " + TIMEOUT_SECONDS
                    + " s; is the cluster reachable at the configured bootstrap servers?", e);
        }
    }

    /**
     * One topic as the cluster has it.
     *
     * @param name topic name
     * @param exists whether it exists
     * @param partitions partition count
     * @param replicationFactor replicas per partition
     * @param endOffset summed end offsets of all partitions
     * @param cleanupPolicy the policy Raqib expects
     */
    public record TopicStatus(String name, boolean exists, int partitions, int replicationFactor, long endOffset,
            String cleanupPolicy) {}

    /** An admin request failed; the message says which and why. */
    public static final class KafkaAdminException extends RuntimeException {
        KafkaAdminException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Existing topics differ from the configuration. */
    public static final class TopicMismatchException extends RuntimeException {
        private final List<String> problems;

        TopicMismatchException(List<String> problems) {
            super("topics differ from the configuration (fix the cluster or the topics.* settings):\n  "
                    + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
