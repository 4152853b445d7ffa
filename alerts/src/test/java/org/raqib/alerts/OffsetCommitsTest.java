package org.raqib.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raqib.core.testing.MutableClock;

class OffsetCommitsTest {

    private static final TopicPartition P0 = new TopicPartition("raqib.matches", 0);
    private static final TopicPartition P1 = new TopicPartition("raqib.matches", 1);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final OffsetCommits commits = new OffsetCommits(consumer, Duration.ofSeconds(1), clock);

    @BeforeEach
    void assign() {
        // The mock answers committed() with the real offset for assigned partitions only.
        consumer.assign(List.of(P0, P1));
    }

    @Test
    void commitsWhatIsDoneOncePerIntervalNotAfterEveryBatch() {
        commits.done(batch(P0, 0, 1));
        commits.done(batch(P0, 2));
        assertThat(committed()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        commits.done(batch(P1, 7));

        assertThat(committed()).containsExactlyInAnyOrderEntriesOf(
                Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(8)));
    }

    @Test
    void anEmptyPollCommitsNothing() {
        clock.advance(Duration.ofSeconds(5));
        commits.done(ConsumerRecords.empty());

        assertThat(committed()).isEmpty();
    }

    @Test
    void commitsARevokedPartitionAtOnceAndForgetsALostOne() {
        commits.done(batch(P0, 4));
        commits.done(batch(P1, 9));

        commits.onPartitionsRevoked(List.of(P0));
        commits.onPartitionsLost(List.of(P1));
        commits.commitOnStop();

        assertThat(committed()).containsExactlyEntriesOf(Map.of(P0, new OffsetAndMetadata(5)));
    }

    @Test
    void commitsWhatIsDoneWhenTheConsumerStops() {
        commits.done(batch(P1, 0, 1, 2));

        commits.commitOnStop();

        assertThat(committed()).containsExactlyEntriesOf(Map.of(P1, new OffsetAndMetadata(3)));
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(consumer.committed(Set.of(P0, P1)));
        committed.values().removeIf(Objects::isNull);
        return committed;
    }

    private static ConsumerRecords<String, String> batch(TopicPartition partition, long... offsets) {
        List<ConsumerRecord<String, String>> records = Arrays.stream(offsets)
                .mapToObj(o -> new ConsumerRecord<>(partition.topic(), partition.partition(), o, "k", "v")).toList();
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }
}
