package org.raqib.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;
import org.raqib.core.model.Rule;
import org.raqib.core.model.Trend;

/**
 * The trend counts of {@link RaqibTopology}: summed per task before the repartition ({@link SumTrends}), they must
 * come out exactly as the per-article counts they replace.
 */
class TrendCountsTest {

    private static final Instant T0 = Instant.parse("2024-08-18T08:00:00Z");
    private static final List<String> ENTITIES = List.of("E1", "E2", "E3", "E4");
    private static final List<String> RULE_WORDS = List.of("kilo", "lima", "mike");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final ContainsRules rules = new ContainsRules();
    @TempDir
    Path state;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, Trend> trends;

    @BeforeEach
    void startDriver() {
        // An entity is named by its id as a word of the body; each occurrence is a mention.
        EntityRecognition recognition = article -> {
            List<EntityHit> hits = new ArrayList<>();
            for (String id : ENTITIES) {
                List<Mention> mentions = new ArrayList<>();
                for (int at = article.text().indexOf(id); at >= 0; at = article.text().indexOf(id, at + 1)) {
                    mentions.add(new Mention("body", at, at + id.length(), id, 1.0, "alias"));
                }
                if (!mentions.isEmpty()) {
                    hits.add(new EntityHit(id, id, "libya", "city", mentions));
                }
            }
            return hits;
        };
        StreamsSettings settings = new StreamsSettings("test", "unused", 0, 1, Duration.ofDays(7), Duration.ofDays(3));
        RaqibTopology topology = new RaqibTopology(recognition, rules, settings, Clock.fixed(T0, ZoneOffset.UTC),
                new SimpleMeterRegistry());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "raqib-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Not the shared default under /tmp: another build running these tests would hold the same RocksDB locks.
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(topology.build(), props, T0);
        articles = driver.createInputTopic(Topics.ARTICLES.name(), Serdes.String().serializer(),
                Topics.ARTICLES.valueSerde().serializer());
        trends = driver.createOutputTopic(Topics.TRENDS.name(), Serdes.String().deserializer(),
                Topics.TRENDS.valueSerde().deserializer());
        TestInputTopic<String, Rule> ruleTopic = driver.createInputTopic(Topics.RULES.name(),
                Serdes.String().serializer(), Topics.RULES.valueSerde().serializer());
        for (String word : RULE_WORDS) {
            ruleTopic.pipeInput(word, new Rule(word, word, "", "low", word, List.of()));
        }
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void finalHourlyAndDailyCountsEqualThePerArticleSumsWhereverTheFlushesFall() {
        Random random = new Random(7);
        Map<String, Long> expected = new HashMap<>();
        Instant latest = T0;
        for (int i = 0; i < 600; i++) {
            latest = latest.plusSeconds(random.nextInt(240));
            // Up to three hours late: within both windows' grace, so every article counts.
            Instant at = latest.minusSeconds(random.nextInt(3 * 3600));
            StringBuilder body = new StringBuilder("خبر");
            for (int w = random.nextInt(5); w > 0; w--) {
                body.append(' ').append(random.nextBoolean() ? ENTITIES.get(random.nextInt(ENTITIES.size()))
                        : RULE_WORDS.get(random.nextInt(RULE_WORDS.size())));
            }
            Article article = article("a" + i, body.toString(), at);
            expect(expected, article, at);
            articles.pipeInput(article.id(), article, at);
            if (random.nextInt(10) == 0) {
                driver.advanceWallClockTime(RaqibTopology.TREND_FLUSH);
            }
        }
        driver.advanceWallClockTime(RaqibTopology.TREND_FLUSH);

        Map<String, Long> published = new HashMap<>();
        trends.readValuesToList().forEach(t -> published.put(
                key(t.subject() + ":" + t.id(), t.window(), t.windowStart().toEpochMilli()), t.count()));
        assertThat(published).isEqualTo(expected);
        Map<String, Long> stored = new HashMap<>();
        stored.putAll(storeContents("hour"));
        stored.putAll(storeContents("day"));
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void carriesOneSumPerSubjectAndHourAcrossTheRepartitionPerFlush() {
        TestOutputTopic<String, Long> repartition = driver.createOutputTopic(
                "raqib-test-raqib-trend-subject-repartition", Serdes.String().deserializer(),
                Serdes.Long().deserializer());
        for (int i = 0; i < 10; i++) {
            articles.pipeInput("a" + i, article("a" + i, "خبر E1 E1 kilo", T0.plusSeconds(i)), T0.plusSeconds(i));
        }
        assertThat(repartition.isEmpty()).isTrue();

        driver.advanceWallClockTime(RaqibTopology.TREND_FLUSH);

        assertThat(repartition.readKeyValuesToList()).containsExactly(
                KeyValue.pair("entity:E1", 20L), KeyValue.pair("rule:kilo", 10L));
        List<Trend> hourly = trends.readValuesToList().stream().filter(t -> t.window().equals("hour")).toList();
        assertThat(hourly).extracting(Trend::id, Trend::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("E1", 20L), org.assertj.core.groups.Tuple.tuple("kilo", 10L));
    }

    @Test
    void keepsSumsNotYetForwardedInItsChangeloggedStoreAtEveryCommit() {
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
                "raqib-test-raqib-trend-sums-store-changelog", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        articles.pipeInput("a1", article("a1", "خبر E2", T0), T0);
        articles.pipeInput("a2", article("a2", "خبر E2 E2", T0.plusSeconds(5)), T0.plusSeconds(5));

        String key = T0.toEpochMilli() + ":entity:E2";
        ValueAndTimestamp<Long> sum = driver.<String, Long>getTimestampedKeyValueStore(SumTrends.STORE).get(key);
        assertThat(sum.value()).isEqualTo(3);
        assertThat(sum.timestamp()).isEqualTo(T0.plusSeconds(5).toEpochMilli());
        // The driver commits after each record: each commit wrote the sum so far to the changelog.
        assertThat(changelog.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(key, key);

        driver.advanceWallClockTime(RaqibTopology.TREND_FLUSH);

        assertThat(driver.<String, Long>getTimestampedKeyValueStore(SumTrends.STORE).get(key)).isNull();
        assertThat(changelog.readKeyValuesToList()).singleElement()
                .satisfies(kv -> assertThat(kv.value).isNull());
    }

    private Map<String, Long> storeContents(String window) {
        Map<String, Long> contents = new HashMap<>();
        WindowStore<String, Long> store = driver.getWindowStore("raqib-trends-" + window);
        try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
            all.forEachRemaining(kv -> contents.put(key(kv.key.key(), window, kv.key.window().start()), kv.value));
        }
        return contents;
    }

    /** What one record per article and subject adds to the hourly and daily windows (the topology before sums). */
    private static void expect(Map<String, Long> expected, Article article, Instant at) {
        Map<String, Long> subjects = new HashMap<>();
        for (String id : ENTITIES) {
            long mentions = article.text().split(id, -1).length - 1;
            if (mentions > 0) {
                subjects.put("entity:" + id, mentions);
            }
        }
        for (String word : RULE_WORDS) {
            if (article.text().contains(word)) {
                subjects.put("rule:" + word, 1L);
            }
        }
        long ts = at.toEpochMilli();
        subjects.forEach((subject, count) -> {
            expected.merge(key(subject, "hour", ts - ts % HOUR.toMillis()), count, Long::sum);
            expected.merge(key(subject, "day", ts - ts % DAY.toMillis()), count, Long::sum);
        });
    }

    private static String key(String subject, String window, long windowStart) {
        return subject + "|" + window + "|" + windowStart;
    }

    private static Article article(String id, String body, Instant at) {
        return new Article(id, "feed", "source", "https://example.org/" + id, "عنوان", "", body, "ar", at, at);
    }
}
