package org.raqib.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.config.EmbeddedBrokerSettings;
import org.raqib.core.config.KafkaSettings;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.testing.KafkaClusterExtension;

/** The registry on a real broker: push, replace, prune, list. */
class FeedRegistryIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private static FeedDefinition feed(String id, String url) {
        return new FeedDefinition(id, url, null, null, null, List.of("libya"), null, null, false, false);
    }

    @Test
    void pushesReplacesPrunesAndListsFeedsInTheCompactedTopic() throws Exception {
        kafka.createTopics(3, Topics.FEEDS);
        KafkaClients clients = new KafkaClients(kafka.bootstrapServers(), new KafkaSettings(kafka.bootstrapServers(),
                new EmbeddedBrokerSettings("data/kafka", 9092, 9093), Map.of()));
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
}
