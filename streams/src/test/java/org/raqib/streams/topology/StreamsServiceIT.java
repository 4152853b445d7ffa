package org.raqib.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import org.raqib.core.model.Match;
import org.raqib.core.model.Rule;
import org.raqib.core.testing.KafkaClusterExtension;

/** The topology on a real broker: two instances share the partitions, and rules change while they run. */
class StreamsServiceIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    @TempDir
    Path state;

    @Test
    void twoInstancesShareTheWorkAndMatchEveryArticleOnceAndPickUpRuleChangesLive() throws Exception {
        kafka.createTopics(4, Topics.ARTICLES, Topics.MATCHES, Topics.RULES, Topics.DLQ, Topics.TRENDS);
        kafka.send(Topics.RULES, "niger", new Rule("niger", "Niger", "", "high", "النيجر", List.of()));
        String applicationId = KafkaClusterExtension.uniqueName("raqib-it");

        try (StreamsService first = service(applicationId, "one").start();
                StreamsService second = service(applicationId, "two").start()) {
            assertThatEventually(() -> assertThat(List.of(first.state(), second.state()))
                    .containsOnly(KafkaStreams.State.RUNNING));

            try (KafkaProducer<String, Article> producer = kafka.producer(Topics.ARTICLES)) {
                for (int i = 0; i < 40; i++) {
                    String body = i % 2 == 0 ? "زار وفد من النيجر مدينة بنغازي رقم " + i : "أسعار النفط اليوم رقم " + i;
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), "a" + i, article("a" + i, body)));
                }
            }

            List<ConsumerRecord<String, Match>> matches = kafka.readAtLeast(Topics.MATCHES, 20, Duration.ofSeconds(90));
            assertThat(matches).extracting(ConsumerRecord::key).hasSize(20).doesNotHaveDuplicates()
                    .allSatisfy(key -> assertThat(Integer.parseInt(key.substring(1)) % 2).isZero());
            assertThat(first.streams().metadataForLocalThreads()).isNotEmpty();
            assertThat(first.streams().metadataForLocalThreads().iterator().next().activeTasks()).isNotEmpty();
            assertThat(second.streams().metadataForLocalThreads().iterator().next().activeTasks()).isNotEmpty();

            kafka.send(Topics.RULES, "oil", new Rule("oil", "Oil", "", "low", "النفط", List.of()));
            assertThatEventually(() -> {
                try (KafkaProducer<String, Article> producer = kafka.producer(Topics.ARTICLES)) {
                    String id = "oil-" + System.nanoTime();
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), id, article(id, "ارتفاع أسعار النفط"))).get();
                }
                List<String> oilMatches = new ArrayList<>();
                try (KafkaConsumer<String, Match> consumer = kafka.consumer(Topics.MATCHES)) {
                    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    while (System.nanoTime() < end && oilMatches.isEmpty()) {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                            if (r.value().rules().stream().anyMatch(h -> h.id().equals("oil"))) {
                                oilMatches.add(r.key());
                            }
                        });
                    }
                }
                assertThat(oilMatches).isNotEmpty();
            });
        }
    }

    private StreamsService service(String applicationId, String name) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        StreamsSettings settings = new StreamsSettings(applicationId, state.resolve(name).toString(), 0, 1,
                Duration.ofDays(1), Duration.ofDays(1));
        EntityRecognition recognition = article -> List.<EntityHit>of();
        RaqibTopology topology = new RaqibTopology(recognition, new ContainsRules(), settings, Clock.systemUTC(),
                new SimpleMeterRegistry());
        return new StreamsService(topology.build(), props, settings, new TopicsSettings(4, 1, 1, -1),
                new SimpleMeterRegistry());
    }

    private static Article article(String id, String body) {
        return new Article(id, "feed", "src", "https://example.org/" + id, "عنوان", "", body, "ar", null, Instant.now());
    }
}
