package org.raqib.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.config.EmbeddedBrokerSettings;
import org.raqib.core.config.KafkaSettings;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.Topic;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;
import org.raqib.core.testing.KafkaClusterExtension;

/** The registry on a real broker: push, replace, prune, list, and placement by host. */
class FeedRegistryIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private static final int PARTITIONS = 3;
    private final KafkaClients clients = new KafkaClients(kafka.bootstrapServers(), new KafkaSettings(
            kafka.bootstrapServers(), new EmbeddedBrokerSettings("data/kafka", 9092, 9093), Map.of()));

    @BeforeEach
    void createTopics() {
        kafka.createTopics(PARTITIONS, Topics.FEEDS, Topics.FEED_STATE);
    }

    @AfterEach
    void deleteTopics() throws Exception {
        try (var admin = kafka.admin()) {
            admin.deleteTopics(List.of(Topics.FEEDS.name(), Topics.FEED_STATE.name())).all().get();
        }
        assertThatEventually(() -> {
            try (var admin = kafka.admin()) {
                assertThat(admin.listTopics().names().get()).doesNotContain(Topics.FEEDS.name(),
                        Topics.FEED_STATE.name());
            }
        });
    }

    private static FeedDefinition feed(String id, String url) {
        return new FeedDefinition(id, url, null, null, null, List.of("libya"), null, null, false, false);
    }

    @Test
    void readsPastARecordAnotherToolWroteThatIsNoFeed() throws Exception {
        FeedRegistry registry = new FeedRegistry(clients, Duration.ofSeconds(30));
        registry.push(List.of(feed("alwasat", "https://alwasat.ly/rss"), feed("sahara", "https://saharamedias.net/feed/")),
                false);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.FEEDS.name(), 0, "garbage", "not a feed".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }

        assertThat(registry.list()).extracting(FeedDefinition::id).containsExactly("alwasat", "sahara");
        registry.push(List.of(feed("garbage", "https://garbage.example/rss")), false);
        assertThat(registry.list()).extracting(FeedDefinition::id).containsExactly("alwasat", "garbage", "sahara");
    }

    @Test
    void pushesReplacesPrunesAndListsFeedsInTheCompactedTopic() throws Exception {
        FeedRegistry registry = new FeedRegistry(clients, Duration.ofSeconds(30));

        registry.push(List.of(feed("alwasat", "https://alwasat.ly/rss"), feed("sahara", "https://saharamedias.net/feed/"),
                feed("old", "https://old.example/rss")), false);
        List<String> removed = registry.push(List.of(feed("alwasat", "https://alwasat.ly/rss.xml"),
                feed("sahara", "https://saharamedias.net/feed/")), true);

        assertThat(removed).containsExactly("old");
        assertThat(registry.list()).extracting(FeedDefinition::id, FeedDefinition::url).containsExactly(
                tuple("alwasat", "https://alwasat.ly/rss.xml"),
                tuple("sahara", "https://saharamedias.net/feed/"));
        try (var admin = kafka.admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDS.name());
            ConfigEntry policy = admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy");
            assertThat(policy.value()).isEqualTo("compact");
        }
    }

    @Test
    void placesAHostsFeedsOnItsPartitionAndMovesAFeedWhoseHostChangedWithItsStateLeavingTombstones()
            throws Exception {
        FeedRegistry registry = new FeedRegistry(clients, Duration.ofSeconds(30));
        int alpha = FeedPlacement.partition("https://alpha.example/", PARTITIONS);
        String other = IntStream.range(0, 50).mapToObj(i -> "h" + i + ".example")
                .filter(h -> FeedPlacement.partition("https://" + h + "/", PARTITIONS) != alpha).findFirst().orElseThrow();
        int moved = FeedPlacement.partition("https://" + other + "/", PARTITIONS);
        // a1 given twice: the last definition wins and only its host's partition gets a record.
        registry.push(List.of(feed("a1", "https://" + other + "/old"), feed("a1", "https://alpha.example/rss"),
                feed("a2", "http://ALPHA.example:8080/x.xml")), false);
        assertThat(latest(Topics.FEEDS)).containsOnlyKeys(alpha + ":a1", alpha + ":a2");
        // What a worker owning alpha's partition would have committed after polling a1.
        FeedState state = new FeedState("a1", "\"e1\"", null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, 0,
                List.of("item-2", "item-1"));
        try (KafkaProducer<String, FeedState> producer = kafka.producer(Topics.FEED_STATE)) {
            producer.send(new ProducerRecord<>(Topics.FEED_STATE.name(), alpha, "a1", state)).get();
        }

        registry.push(List.of(feed("a1", "https://" + other + "/rss")), false);

        Map<String, Optional<FeedDefinition>> feeds = latest(Topics.FEEDS);
        assertThat(feeds.get(alpha + ":a1")).as("tombstone where a1 was").isEmpty();
        assertThat(feeds.get(moved + ":a1")).hasValueSatisfying(f -> assertThat(f.url()).contains(other));
        assertThat(feeds.get(alpha + ":a2")).isPresent();
        Map<String, Optional<FeedState>> states = latest(Topics.FEED_STATE);
        assertThat(states.get(alpha + ":a1")).as("state tombstone where a1 was").isEmpty();
        assertThat(states.get(moved + ":a1")).contains(state);
        assertThat(registry.list()).extracting(FeedDefinition::id).containsExactly("a1", "a2");
    }

    /** The last record per partition and key ({@code "p:key"}), empty for a tombstone. */
    private <V> Map<String, Optional<V>> latest(Topic<String, V> topic) {
        Map<String, Optional<V>> latest = new HashMap<>();
        Map<Integer, Long> from = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            from.put(p, 0L);
        }
        try (CompactedReader<V> reader = new CompactedReader<>(clients, "test", topic, Duration.ofSeconds(30))) {
            reader.read(from, r -> latest.put(r.partition() + ":" + r.key(), Optional.ofNullable(r.value())));
        }
        return latest;
    }
}
