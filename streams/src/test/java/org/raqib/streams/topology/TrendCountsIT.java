package org.raqib.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.config.TopicsSettings;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;
import org.raqib.core.model.Trend;
import org.raqib.core.testing.KafkaClusterExtension;

/**
 * Trend counts summed per task before the repartition stay exactly-once on a real broker: stream threads that die
 * in the middle of the run (with sums committed but not yet forwarded) lose and double nothing.
 */
class TrendCountsIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private static final List<String> ENTITIES = List.of("E1", "E2", "E3");

    @TempDir
    Path state;

    @Test
    void countsEveryArticleOnceAlthoughStreamThreadsDieMidway() throws Exception {
        kafka.createTopics(2, Topics.ARTICLES, Topics.MATCHES, Topics.RULES, Topics.DLQ, Topics.TRENDS);
        String applicationId = KafkaClusterExtension.uniqueName("raqib-trends-it");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        int articles = 400;
        // Articles 150 and 300 kill the thread that recognises them, once each; the replacement starts again from
        // the last commit, restoring the sums store from its changelog.
        AtomicInteger crashes = new AtomicInteger();
        EntityRecognition recognition = article -> {
            if ((article.id().equals("a150") && crashes.compareAndSet(0, 1))
                    || (article.id().equals("a300") && crashes.compareAndSet(1, 2))) {
                throw new AssertionError("stream thread dies on purpose at " + article.id());
            }
            return entities(article);
        };
        Map<String, Long> expected = new HashMap<>();

        try (StreamsService streams = service(applicationId, recognition).start()) {
            assertThatEventually(() -> assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING));
            try (KafkaProducer<String, Article> producer = kafka.producer(Topics.ARTICLES)) {
                for (int i = 0; i < articles; i++) {
                    Instant at = hour.plusSeconds(15L * i); // in the past, over two hours
                    Article article = new Article("a" + i, "feed", "src", "https://example.org/a" + i, "عنوان", "",
                            "خبر " + String.join(" ", ENTITIES.subList(0, 1 + i % ENTITIES.size())), "ar", null, at);
                    entities(article).forEach(e -> {
                        long ts = at.toEpochMilli();
                        expected.merge(e.id() + "|hour|" + (ts - ts % 3_600_000), (long) e.mentions().size(),
                                Long::sum);
                        expected.merge(e.id() + "|day|" + (ts - ts % 86_400_000), (long) e.mentions().size(),
                                Long::sum);
                    });
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), null, at.toEpochMilli(), article.id(),
                            article));
                    if (i % 50 == 0) {
                        producer.flush();
                        Thread.sleep(200); // spreads the articles over several commits and flushes
                    }
                }
            }

            assertThatEventually(Duration.ofMinutes(2), () -> {
                Map<String, Long> latest = new HashMap<>();
                for (var record : kafka.readAtLeast(Topics.TRENDS, Integer.MAX_VALUE, Duration.ofSeconds(3))) {
                    Trend t = record.value();
                    latest.put(t.id() + "|" + t.window() + "|" + t.windowStart().toEpochMilli(), t.count());
                }
                assertThat(crashes.get()).isEqualTo(2);
                assertThat(latest).isEqualTo(expected);
            });
        }
    }

    private static List<EntityHit> entities(Article article) {
        List<EntityHit> hits = new ArrayList<>();
        for (String id : ENTITIES) {
            int at = article.text().indexOf(id);
            if (at >= 0) {
                hits.add(new EntityHit(id, id, "libya", "city",
                        List.of(new Mention("body", at, at + id.length(), id, 1.0, "alias"))));
            }
        }
        return hits;
    }

    private StreamsService service(String applicationId, EntityRecognition recognition) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        StreamsSettings settings = new StreamsSettings(applicationId, state.toString(), 0, 1, Duration.ofDays(1),
                Duration.ofDays(1));
        RaqibTopology topology = new RaqibTopology(recognition, new ContainsRules(), settings, Clock.systemUTC(),
                new SimpleMeterRegistry());
        return new StreamsService(topology.build(), props, settings, new TopicsSettings(2, 1, 1, -1),
                new SimpleMeterRegistry());
    }
}
