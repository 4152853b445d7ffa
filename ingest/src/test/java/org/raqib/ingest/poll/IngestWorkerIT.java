package org.raqib.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raqib.core.config.EmbeddedBrokerSettings;
import org.raqib.core.config.KafkaSettings;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.testing.KafkaClusterExtension;
import org.raqib.ingest.fetch.FetchLimits;
import org.raqib.ingest.fetch.HttpFetcher;
import org.raqib.ingest.parse.FeedParser;
import org.raqib.ingest.registry.FeedPlacement;
import org.raqib.ingest.registry.FeedRegistry;
import org.raqib.ingest.simulate.FeedSimulator;
import org.raqib.core.testing.MutableClock;

/** Ingest workers on a real broker against the feed simulator: sharing feeds, and surviving a crash mid-poll. */
class IngestWorkerIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private static final int SOURCES = 8;

    private final MutableClock simulatorClock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final List<AutoCloseable> closing = new ArrayList<>();
    private FeedSimulator simulator;
    private KafkaClients clients;
    private String group;

    @BeforeEach
    void setUp() throws Exception {
        kafka.createTopics(6, Topics.FEEDS, Topics.FEED_STATE, Topics.ARTICLES);
        simulator = new FeedSimulator(SimulatorCorpus.of(SOURCES, 30), 0, 60, simulatorClock, 4);
        group = KafkaClusterExtension.uniqueName("ingest");
        // Short timeouts so a crashed worker's partitions and open transaction are given up within seconds.
        clients = new KafkaClients(kafka.bootstrapServers(), new KafkaSettings(kafka.bootstrapServers(),
                new EmbeddedBrokerSettings("data/kafka", 9092, 9093),
                Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000", "transaction.timeout.ms", "10000")));
        List<FeedDefinition> feeds = simulator.feeds(Duration.ofMillis(500), Duration.ofSeconds(1));
        new FeedRegistry(clients, Duration.ofSeconds(30)).push(feeds, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        simulator.close();
        try (var admin = kafka.admin()) {
            admin.deleteTopics(List.of(Topics.FEEDS.name(), Topics.FEED_STATE.name(), Topics.ARTICLES.name())).all().get();
        }
        assertThatEventually(() -> {
            try (var admin = kafka.admin()) {
                assertThat(admin.listTopics().names().get()).doesNotContain(Topics.FEEDS.name(), Topics.ARTICLES.name());
            }
        });
    }

    private IngestWorker worker(String id) {
        FetchLimits limits = new FetchLimits("RaqibTest/1.0", Duration.ofSeconds(5), Duration.ofSeconds(10),
                1024 * 1024, 5, 8, Duration.ZERO, false);
        HttpFetcher fetcher = new HttpFetcher(limits);
        closing.add(fetcher);
        FeedPoller poller = new FeedPoller(fetcher, new ParsedFeedReader(new FeedParser()), (html, type, uri) -> Optional.empty(),
                new PollSchedule(new Random(7)), new SimpleMeterRegistry(), Clock.systemUTC());
        IngestWorker worker = new IngestWorker(clients, group, id, poller, 4, new SimpleMeterRegistry(),
                Clock.systemUTC());
        closing.add(worker);
        return worker;
    }

    private Set<String> expectedArticleIds() {
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < SOURCES; s++) {
            String source = "source" + s;
            for (int k = 0; k < simulator.published(source); k++) {
                ids.add(ArticleIds.of("sim-" + source, "urn:raqib-sim:" + source + ":t-" + s + "-" + k));
            }
        }
        return ids;
    }

    /** Every committed article record, read to the end of each partition. */
    private List<String> committedArticleIds() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(props,
                Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, Article> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(record.key());
                }
            }
        }
        return ids;
    }

    private void advanceSimulator(int items) {
        simulatorClock.advance(Duration.ofSeconds(items)); // 60 per minute: one item per simulated second
    }

    @Test
    void sharesFeedsBetweenWorkersWithNoneTwiceAndNoneDroppedAsWorkersComeAndGo() {
        Set<String> all = new HashSet<>();
        simulator.feeds().forEach(f -> all.add(f.id()));
        IngestWorker a = worker("a").start();
        assertThatEventually(() -> assertThat(a.assignedFeeds()).isEqualTo(all));

        IngestWorker b = worker("b").start();
        assertThatEventually(() -> {
            Set<String> fromA = a.assignedFeeds();
            Set<String> fromB = b.assignedFeeds();
            assertThat(fromA).isNotEmpty().doesNotContainAnyElementsOf(fromB);
            assertThat(fromB).isNotEmpty();
            Set<String> union = new HashSet<>(fromA);
            union.addAll(fromB);
            assertThat(union).isEqualTo(all);
        });

        b.close();
        assertThatEventually(() -> assertThat(a.assignedFeeds()).isEqualTo(all));
        assertThatEventually(() -> assertThat(committedArticleIds()).containsExactlyInAnyOrderElementsOf(expectedArticleIds()));
    }

    @Test
    void placesEachSimulatedHostOnItsOwnPartitionSoBothWorkersGetFeeds() {
        int partitions = 6;
        assertThat(simulator.feeds()).extracting(f -> FeedPlacement.partition(f.url(), partitions))
                .as("8 hosts over 6 partitions: every partition has a host").containsAll(List.of(0, 1, 2, 3, 4, 5));
    }

    @Test
    void aFeedMovedToAnotherHostsPartitionKeepsItsStateSoNoItemIsPublishedTwice() {
        IngestWorker a = worker("a").start();
        IngestWorker b = worker("b").start();
        Set<String> all = new HashSet<>();
        simulator.feeds().forEach(f -> all.add(f.id()));
        assertThatEventually(() -> {
            assertThat(a.assignedFeeds()).isNotEmpty();
            assertThat(b.assignedFeeds()).isNotEmpty();
        });
        assertThatEventually(() -> assertThat(committedArticleIds()).hasSameSizeAs(expectedArticleIds()));

        // source0's feed moves to the host (and partition) of another outlet; every simulator address serves it.
        FeedDefinition feed = simulator.feeds(Duration.ofMillis(500), Duration.ofSeconds(1)).get(0);
        int from = FeedPlacement.partition(feed.url(), 6);
        String host = simulator.sources().stream().map(s -> simulator.feedUrl(s).getHost())
                .filter(h -> FeedPlacement.partition("http://" + h + "/", 6) != from).findFirst().orElseThrow();
        FeedDefinition moved = new FeedDefinition(feed.id(), feed.url().replace(URI.create(feed.url()).getHost(), host),
                feed.title(), feed.source(), feed.lang(), feed.tags(), feed.minInterval(), feed.maxInterval(),
                feed.fullText(), feed.allowPrivate());
        new FeedRegistry(clients, Duration.ofSeconds(30)).push(List.of(moved), false);
        assertThatEventually(() -> {
            Set<String> fromA = a.assignedFeeds();
            Set<String> fromB = b.assignedFeeds();
            assertThat(fromA).doesNotContainAnyElementsOf(fromB);
            Set<String> union = new HashSet<>(fromA);
            union.addAll(fromB);
            assertThat(union).isEqualTo(all);
        });
        int roundsA = a.committedRounds();
        int roundsB = b.committedRounds();
        assertThatEventually(() -> assertThat(a.committedRounds() + b.committedRounds())
                .isGreaterThan(roundsA + roundsB + SOURCES));
        advanceSimulator(SOURCES);

        assertThatEventually(Duration.ofSeconds(120), () -> {
            List<String> ids = committedArticleIds();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedArticleIds());
        });
    }

    @Test
    void killingAWorkerMidPollNeitherLosesNorRepeatsAnItem() {
        IngestWorker a = worker("a");
        IngestWorker b = worker("b");
        a.start();
        b.start();
        assertThatEventually(() -> {
            assertThat(a.assignedFeeds()).isNotEmpty();
            assertThat(b.assignedFeeds()).isNotEmpty();
            assertThat(a.committedRounds()).isPositive();
        });
        assertThatEventually(() -> assertThat(committedArticleIds()).hasSameSizeAs(expectedArticleIds()));

        // Worker a dies in its next round that carries articles: they are sent, the states are not, nothing commits.
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicInteger inFlight = new AtomicInteger();
        a.midTransaction = sent -> {
            if (sent > 0 && crashed.compareAndSet(false, true)) {
                inFlight.set(sent);
                a.kill();
            }
        };
        Set<String> feedsOfA = a.assignedFeeds();
        for (int i = 0; i < 3 * SOURCES && !crashed.get(); i++) {
            advanceSimulator(1);
            assertThatEventually(() -> assertThat(crashed.get() || publishedAll()).isTrue());
        }
        assertThat(crashed).isTrue();
        assertThat(inFlight).hasPositiveValue();
        assertThatEventually(() -> assertThat(a.isAlive()).isFalse());

        // b takes a's feeds over once the group gives a up, and more items keep appearing meanwhile.
        assertThatEventually(() -> assertThat(b.assignedFeeds()).containsAll(feedsOfA));
        advanceSimulator(SOURCES);

        assertThatEventually(Duration.ofSeconds(120), () -> {
            List<String> ids = committedArticleIds();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedArticleIds());
        });
    }

    @Test
    void aWorkerPresumedDeadCannotCommitOnceItsFeedsHaveMovedOn() throws InterruptedException {
        // a stalls mid-round past max.poll.interval.ms: the group gives its feeds to b; when a wakes up, its round
        // must not commit (the group generation in its offset commit is stale), or b's items would be doubled.
        clients = new KafkaClients(kafka.bootstrapServers(), new KafkaSettings(kafka.bootstrapServers(),
                new EmbeddedBrokerSettings("data/kafka", 9092, 9093),
                Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000", "max.poll.interval.ms", "8000",
                        "transaction.timeout.ms", "60000")));
        IngestWorker a = worker("a");
        IngestWorker b = worker("b");
        a.start();
        b.start();
        assertThatEventually(() -> {
            assertThat(a.assignedFeeds()).isNotEmpty();
            assertThat(b.assignedFeeds()).isNotEmpty();
        });
        assertThatEventually(() -> assertThat(committedArticleIds()).hasSameSizeAs(expectedArticleIds()));

        CountDownLatch wake = new CountDownLatch(1);
        AtomicBoolean stalled = new AtomicBoolean();
        a.midTransaction = sent -> {
            if (sent > 0 && stalled.compareAndSet(false, true)) {
                try {
                    wake.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Set<String> feedsOfA = a.assignedFeeds();
        for (int i = 0; i < 3 * SOURCES && !stalled.get(); i++) {
            advanceSimulator(1);
            assertThatEventually(() -> assertThat(stalled.get() || publishedAll()).isTrue());
        }
        assertThat(stalled).isTrue();
        assertThatEventually(() -> assertThat(b.assignedFeeds()).containsAll(feedsOfA));
        int roundsBefore = b.committedRounds();
        advanceSimulator(SOURCES);
        assertThatEventually(() -> assertThat(b.committedRounds()).isGreaterThan(roundsBefore));

        // a wakes within its transaction timeout: only the stale generation can stop its commit now.
        wake.countDown();
        advanceSimulator(SOURCES);
        assertThatEventually(() -> assertThat(a.assignedFeeds()).isNotEmpty());

        assertThatEventually(Duration.ofSeconds(120), () -> {
            List<String> ids = committedArticleIds();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedArticleIds());
        });
        assertThat(a.failure()).isEmpty();
    }

    private boolean publishedAll() {
        return committedArticleIds().size() >= expectedArticleIds().size();
    }
}
