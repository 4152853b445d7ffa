package org.raqib.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.kafka.Topics;
import org.raqib.core.testing.KafkaClusterExtension;

/** {@link ConsumerLag} and {@link ConsumerLagMeter} against a real broker. */
class ConsumerLagMeterIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @Test
    void exposesRecordsAGroupHasNotConsumedPerTopic() throws Exception {
        kafka.createTopics(2, Topics.FEEDS);
        for (int i = 0; i < 5; i++) {
            kafka.send(Topics.FEEDS, "feed-" + i, null);
        }
        Admin admin = kafka.admin();
        String group = "lag-test";
        var ends = admin.listOffsets(Map.of(new TopicPartition(Topics.FEEDS.name(), 0),
                OffsetSpec.latest(), new TopicPartition(Topics.FEEDS.name(), 1),
                OffsetSpec.latest())).all().get();
        long total = ends.values().stream().mapToLong(e -> e.offset()).sum();
        assertThat(total).isEqualTo(5);
        // The group has consumed nothing of partition 0 and all but one record of partition 1.
        long endOfOne = ends.get(new TopicPartition(Topics.FEEDS.name(), 1)).offset();
        admin.alterConsumerGroupOffsets(group, Map.of(
                new TopicPartition(Topics.FEEDS.name(), 0), new OffsetAndMetadata(0),
                new TopicPartition(Topics.FEEDS.name(), 1), new OffsetAndMetadata(Math.max(0, endOfOne - 1))))
                .all().get();
        long expected = total - Math.max(0, endOfOne - 1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (ConsumerLagMeter meter = new ConsumerLagMeter(new ConsumerLag(admin, 30_000),
                List.of(group, "never-committed"), registry, Duration.ofMillis(200))) {
            meter.start();

            assertThatEventually(() -> assertThat(registry.find(MeterNames.CONSUMER_LAG)
                    .tags("group", group, "topic", Topics.FEEDS.name()).gauge()).isNotNull()
                    .extracting(g -> g.value()).isEqualTo((double) expected));
            assertThat(registry.find(MeterNames.CONSUMER_LAG).tag("group", "never-committed").gauges()).isEmpty();
        }
    }
}
