package org.raqib.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.testing.KafkaClusterExtension;

/** The importer on a real broker: the same topic whatever the number of reading threads, and idempotent. */
class ArticleImporterIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void writesTheSameRecordsInTheSameOrderWithOneReaderOrSeveralAndKeepsTheFirstOfARepeatedId() throws Exception {
        List<Path> archive = Fixture.saudiNewsNetFiles(dir);
        String one = createTopic("raqib.articles.one-reader");
        String several = createTopic("raqib.articles.three-readers");

        ImportSummary first = new ArticleImporter(clientProperties(), one, ArticleCleaning.NONE, 1)
                .importFiles(archive, Progress.NONE);
        ImportSummary second = new ArticleImporter(clientProperties(), several, ArticleCleaning.NONE, 3)
                .importFiles(archive, Progress.NONE);

        assertThat(second).isEqualTo(first);
        assertThat(first.imported()).isEqualTo(4 * 6);
        assertThat(first.duplicates()).isEqualTo(4 + 7);
        assertThat(first.rejected()).hasSize(5);
        List<String> written = records(several);
        assertThat(written).isEqualTo(records(one)).hasSize(24);
        assertThat(written).filteredOn(r -> r.contains("copy0.")).allSatisfy(r -> assertThat(r).doesNotContain("2016-"));
    }

    @Test
    void addsNothingWhenTheArchiveIsImportedAgainWithMoreReaders() throws Exception {
        List<Path> archive = Fixture.saudiNewsNetFiles(dir);
        String topic = createTopic("raqib.articles.again");
        new ArticleImporter(clientProperties(), topic, ArticleCleaning.NONE, 1).importFiles(archive, Progress.NONE);
        List<String> before = records(topic);

        ImportSummary again = new ArticleImporter(clientProperties(), topic, ArticleCleaning.NONE, 4)
                .importFiles(archive, Progress.NONE);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(24 + 11);
        assertThat(records(topic)).isEqualTo(before);
    }

    private static String createTopic(String prefix) throws Exception {
        String name = KafkaClusterExtension.uniqueName(prefix);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all().get();
        }
        return name;
    }

    /** Every record of {@code topic} as partition, offset, timestamp, key and value text, partition by partition. */
    private static List<String> records(String topic) {
        Map<String, Object> props = clientProperties();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).sorted(
                            Comparator.comparingInt(TopicPartition::partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, List<String>> read = new HashMap<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    read.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>())
                            .add(r.partition() + "/" + r.offset() + " " + r.timestamp() + " " + r.key() + " "
                                    + new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            List<String> all = new ArrayList<>();
            partitions.forEach(p -> all.addAll(read.getOrDefault(p, List.of())));
            return all;
        }
    }

    private static Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }
}
