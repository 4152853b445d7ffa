package org.raqib.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.json.JsonSerde;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.core.model.DeadLetter;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Trend;

class RaqibTopologyTest {

    private static final Instant T0 = Instant.parse("2024-08-18T08:00:00Z");
    private static final String STORY = "كثف القادة العسكريون في النيجر ومالي وبوركينافاسو من لقاءاتهم بمسؤولين ليبيين مؤخرا "
            + "ما عد رغبة بتسريع إقناع محور بنغازي بالانضمام إلى كونفدرالية الساحل الأفريقي حديثة النشأة";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ContainsRules rules = new ContainsRules();
    @TempDir
    Path state;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestInputTopic<String, byte[]> rawArticles;
    private TestInputTopic<String, Rule> ruleTopic;
    private TestOutputTopic<String, Match> matches;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, Trend> trends;

    @BeforeEach
    void startDriver() {
        EntityRecognition recognition = article -> {
            if (article.title().equals("boom")) {
                throw new IllegalStateException("recognition failed on purpose");
            }
            int at = article.text().indexOf("بنغازي");
            return at < 0 ? List.of() : List.of(new EntityHit("BENGHAZI", "Benghazi", "libya", "city",
                    List.of(new Mention("body", at, at + 6, "بنغازي", 1.0, "alias"))));
        };
        StreamsSettings settings = new StreamsSettings("test", "unused", 0, 1, Duration.ofDays(7), Duration.ofDays(3));
        RaqibTopology topology = new RaqibTopology(recognition, rules, settings,
                Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC), registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "raqib-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Not the shared default under /tmp: another build running these tests would hold the same RocksDB locks.
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(topology.build(), props, T0);
        articles = driver.createInputTopic(Topics.ARTICLES.name(), Serdes.String().serializer(),
                Topics.ARTICLES.valueSerde().serializer());
        rawArticles = driver.createInputTopic(Topics.ARTICLES.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        ruleTopic = driver.createInputTopic(Topics.RULES.name(), Serdes.String().serializer(),
                Topics.RULES.valueSerde().serializer());
        matches = driver.createOutputTopic(Topics.MATCHES.name(), Serdes.String().deserializer(),
                Topics.MATCHES.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ.name(), Serdes.String().deserializer(),
                Topics.DLQ.valueSerde().deserializer());
        trends = driver.createOutputTopic(Topics.TRENDS.name(), Serdes.String().deserializer(),
                Topics.TRENDS.valueSerde().deserializer());
        ruleTopic.pipeInput("benghazi", new Rule("benghazi", "Benghazi", "", "high", "بنغازي", List.of()));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void writesOneMatchKeyedByArticleIdWithEntitiesRulesAndSnippet() {
        articles.pipeInput("a1", article("a1", "مصادر: تحركات من ليبيا", STORY), T0);

        TestRecord<String, Match> record = matches.readRecord();

        assertThat(record.key()).isEqualTo("a1");
        Match match = record.value();
        assertThat(match.storyId()).isEqualTo("a1");
        assertThat(match.firstInStory()).isTrue();
        assertThat(match.entities()).extracting(EntityHit::id).containsExactly("BENGHAZI");
        assertThat(match.rules()).extracting(r -> r.id()).containsExactly("benghazi");
        assertThat(match.snippet()).contains("بنغازي");
        assertThat(match.matchedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(matches.isEmpty()).isTrue();
    }

    @Test
    void sendsAMatchedArticleToStoryClusteringWithItsSnippetAndWithoutItsText() {
        TestOutputTopic<String, Analysed> storyKey = driver.createOutputTopic(
                "raqib-test-raqib-story-key-repartition", Serdes.String().deserializer(),
                JsonSerde.of(Analysed.class).deserializer());

        articles.pipeInput("a1", article("a1", "مصادر: تحركات من ليبيا", STORY), T0);

        Analysed sent = storyKey.readValue();
        assertThat(sent.article().body()).isEmpty();
        assertThat(sent.article().title()).isEqualTo("مصادر: تحركات من ليبيا");
        assertThat(sent.snippet()).contains("بنغازي");
        assertThat(matches.readValue().snippet()).isEqualTo(sent.snippet());
    }

    @Test
    void takesTheSnippetFromTheArticleOfARecordWrittenWithoutOne() {
        TestInputTopic<String, Analysed> storyKey = driver.createInputTopic("raqib-test-raqib-story-key-repartition",
                Serdes.String().serializer(), JsonSerde.of(Analysed.class).serializer());
        int at = STORY.indexOf("بنغازي");
        List<EntityHit> entities = List.of(new EntityHit("BENGHAZI", "Benghazi", "libya", "city",
                List.of(new Mention("body", at, at + 6, "بنغازي", 1.0, "alias"))));
        RuleHit hit = new RuleHit("benghazi", "Benghazi", "high", 1.0, List.of("بنغازي"));

        storyKey.pipeInput("a:a1", new Analysed(article("a1", "عنوان", STORY), entities, List.of(hit), new int[0],
                "a:a1", null), T0);

        assertThat(matches.readValue().snippet()).contains("بنغازي").contains("محور");
    }

    @Test
    void writesNothingForAnArticleNoRuleMatches() {
        articles.pipeInput("a1", article("a1", "أسعار النفط", "ارتفعت أسعار النفط في الأسواق العالمية اليوم"), T0);

        assertThat(matches.isEmpty()).isTrue();
        assertThat(registry.counter("raqib.articles.processed").count()).isEqualTo(1);
    }

    @Test
    void dropsAnExactRepeatOfAnArticleId() {
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0);
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0.plusSeconds(60));

        assertThat(matches.readValuesToList()).hasSize(1);
        assertThat(registry.counter("raqib.articles.duplicates").count()).isEqualTo(1);
    }

    @Test
    void dropsARepeatExactlyUpToTheDedupeWindowAlthoughIdsAreStoredInDayBuckets() {
        Instant late = T0.plus(Duration.ofDays(7)).plusSeconds(1);
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0.plusSeconds(3_600));
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0.plus(Duration.ofDays(7)).plusSeconds(3_600));
        articles.pipeInput("a2", article("a2", "عنوان", STORY), T0);
        articles.pipeInput("a2", article("a2", "عنوان", STORY), late);

        assertThat(matches.readValuesToList()).extracting(Match::articleId).containsExactly("a1", "a2", "a2");
        assertThat(registry.counter("raqib.articles.duplicates").count()).isEqualTo(1);
    }

    @Test
    void givesASyndicatedCopyTheStoryIdOfTheFirstCopy() {
        articles.pipeInput("a1", article("a1", "وفد ليبي في نيامي", STORY), T0);
        articles.pipeInput("b7", article("b7", "وفد ليبي يزور نيامي", STORY + " وفق بيان"), T0.plusSeconds(600));

        List<Match> out = matches.readValuesToList();

        assertThat(out).extracting(Match::articleId).containsExactly("a1", "b7");
        assertThat(out).extracting(Match::storyId).containsExactly("a1", "a1");
        assertThat(out).extracting(Match::firstInStory).containsExactly(true, false);
    }

    @Test
    void startsANewStoryForADifferentArticle() {
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0);
        articles.pipeInput("c3", article("c3", "عنوان آخر",
                "وصل وفد عسكري من بنغازي إلى العاصمة واغادوغو لبحث التعاون الأمني ومكافحة الإرهاب في المنطقة"),
                T0.plusSeconds(60));

        assertThat(matches.readValuesToList()).extracting(Match::storyId).containsExactly("a1", "c3");
    }

    @Test
    void routesAnUndecodableRecordToTheDeadLetterTopicAndGoesOn() {
        rawArticles.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8), T0);
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0);

        DeadLetter dead = deadLetters.readValue();

        assertThat(dead.stage()).isEqualTo("decode");
        assertThat(dead.sourceTopic()).isEqualTo("raqib.articles");
        assertThat(dead.offset()).isZero();
        assertThat(dead.key()).isEqualTo("bad");
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(dead.reason()).contains("not a valid Article");
        assertThat(matches.readValuesToList()).extracting(Match::articleId).containsExactly("a1");
    }

    @Test
    void keepsInvalidUtf8InDeadLettersAsBase64() {
        rawArticles.pipeInput("bad", new byte[] {(byte) 0xC3, (byte) 0x28}, T0);

        DeadLetter dead = deadLetters.readValue();

        assertThat(dead.valueEncoding()).isEqualTo("base64");
        assertThat(dead.value()).isEqualTo("wyg=");
    }

    @Test
    void routesAnArticleWhoseAnalysisFailsToTheDeadLetterTopicAndGoesOn() {
        articles.pipeInput("a0", article("a0", "boom", STORY), T0);
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0);

        DeadLetter dead = deadLetters.readValue();

        assertThat(dead.stage()).isEqualTo("analyse");
        assertThat(dead.reason()).contains("recognition failed on purpose");
        assertThat(dead.value()).contains("\"id\":\"a0\"");
        assertThat(matches.readValuesToList()).extracting(Match::articleId).containsExactly("a1");
    }

    @Test
    void deadLettersARecordWhoseKeyIsNotItsArticleId() {
        rawArticles.pipeInput("k", "{\"id\":\"other\",\"fetchedAt\":\"2024-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8), T0);

        assertThat(deadLetters.readValue().reason()).contains("differs from article id");
    }

    @Test
    void appliesARuleChangeFromTheRulesTopicWithoutRestart() {
        articles.pipeInput("a1", article("a1", "عنوان", "اجتماع في واغادوغو لبحث التعاون"), T0);
        assertThat(matches.isEmpty()).isTrue();

        ruleTopic.pipeInput("ouaga", new Rule("ouaga", "Ouagadougou", "", "medium", "واغادوغو", List.of()));
        articles.pipeInput("a2", article("a2", "عنوان", "اجتماع ثان في واغادوغو لبحث التعاون"), T0.plusSeconds(1));
        ruleTopic.pipeInput("ouaga", null);
        articles.pipeInput("a3", article("a3", "عنوان", "اجتماع ثالث في واغادوغو لبحث التعاون"), T0.plusSeconds(2));

        assertThat(matches.readValuesToList()).extracting(Match::articleId).containsExactly("a2");
    }

    @Test
    void skipsAnInvalidRuleRecordAndKeepsTheOthers() {
        ruleTopic.pipeInput("empty", new Rule("empty", "", "", "low", " ", List.of()));
        articles.pipeInput("a1", article("a1", "عنوان", STORY), T0);

        assertThat(matches.readValuesToList()).hasSize(1);
        assertThat(registry.counter("raqib.rules.rejected").count()).isEqualTo(1);
    }

    @Test
    void namesEveryProcessorStoreAndInternalTopicStably() {
        String description = new RaqibTopology(a -> List.of(), rules,
                new StreamsSettings("t", "s", 0, 1, Duration.ofDays(1), Duration.ofDays(1)), Clock.systemUTC(),
                registry).build().describe().toString();

        assertThat(description).contains("raqib-articles-source", "raqib-decode", "raqib-drop-repeats",
                "raqib-analyse", "raqib-matched-only", "raqib-story-key-repartition", "raqib-cluster-stories",
                "raqib-matches-sink", "raqib-decode-dlq-sink", "raqib-analyse-dlq-sink", "raqib-dedupe-store",
                "raqib-story-store", "raqib-stories-store", "raqib-recent-matches-store", "raqib-rules-store",
                "raqib-trend-sums", "raqib-trend-sums-store", "raqib-trend-subject-repartition", "raqib-trends-hour",
                "raqib-trends-day", "raqib-spikes-hour", "raqib-spikes-day-store", "raqib-trends-hour-sink");
        assertThat(description).doesNotContainPattern("KSTREAM-[A-Z]+-\\d+");
    }

    @Test
    void givesEveryTaskOnePartitionToRead() {
        TopologyDescription description = new RaqibTopology(a -> List.of(), rules,
                new StreamsSettings("t", "s", 0, 1, Duration.ofDays(1), Duration.ofDays(1)), Clock.systemUTC(),
                registry).build().describe();

        // StreamsService disables max.task.idle.ms because of this; a join of two topics would need it back.
        assertThat(description.subtopologies()).allSatisfy(sub -> assertThat(sub.nodes().stream()
                .filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream())).hasSize(1));
    }

    @Test
    void countsEntityMentionsAndRuleMatchesPerHourAndFlagsASuddenRise() {
        for (int i = 0; i < 3; i++) {
            articles.pipeInput("a" + i, article("a" + i, "عنوان " + i, "خبر رقم " + i + " من بنغازي اليوم"),
                    T0.plusSeconds(60L * i));
            flushTrendSums();
        }

        List<Trend> hourly = trends.readValuesToList().stream()
                .filter(t -> t.window().equals("hour") && t.subject().equals("entity"))
                .toList();

        assertThat(hourly).extracting(Trend::count).containsExactly(1L, 2L, 3L);
        assertThat(hourly).extracting(Trend::spike).containsExactly(false, false, true);
        assertThat(hourly.get(2).id()).isEqualTo("BENGHAZI");
        assertThat(hourly.get(2).windowStart()).isEqualTo(T0);
    }

    @Test
    void doesNotFlagACountThatIsUsualForItsSubject() {
        for (int hour = 0; hour < 24; hour++) {
            for (int i = 0; i < 3; i++) {
                String id = "h" + hour + "-" + i;
                articles.pipeInput(id, article(id, "عنوان " + id, "خبر " + id + " من بنغازي"),
                        T0.plusSeconds(3600L * hour + 60L * i));
                flushTrendSums();
            }
        }

        Trend last = trends.readValuesToList().stream()
                .filter(t -> t.window().equals("hour") && t.subject().equals("entity"))
                .reduce((a, b) -> b)
                .orElseThrow();

        assertThat(last.count()).isEqualTo(3);
        assertThat(last.baseline()).isGreaterThan(2.8);
        assertThat(last.spike()).isFalse();
    }

    @Test
    void answersQueriesForRecentMatchesStoriesAndTrendSeries() {
        articles.pipeInput("a1", article("a1", "وفد ليبي في نيامي", STORY), T0);
        articles.pipeInput("b7", article("b7", "وفد ليبي يزور نيامي", STORY + " وفق بيان"), T0.plusSeconds(600));
        flushTrendSums();
        PipelineQueries queries = new PipelineQueries(new PipelineQueries.Stores() {
            @Override
            public <K, V> org.apache.kafka.streams.state.ReadOnlyKeyValueStore<K, V> keyValue(String name) {
                return driver.getKeyValueStore(name);
            }

            @Override
            public <K, V> org.apache.kafka.streams.state.ReadOnlyWindowStore<K, V> window(String name) {
                return driver.getWindowStore(name);
            }
        });

        assertThat(queries.recentMatches(10)).extracting(Match::articleId).containsExactly("b7", "a1");
        assertThat(queries.recentMatches(1)).extracting(Match::articleId).containsExactly("b7");
        assertThat(queries.story("a1")).hasValueSatisfying(story -> {
            assertThat(story.articleIds()).containsExactly("a1", "b7");
            assertThat(story.lastSeen()).isEqualTo(T0.plusSeconds(600));
        });
        assertThat(queries.recentStories(5)).extracting(s -> s.id()).containsExactly("a1");
        assertThat(queries.trendSeries("entity", "BENGHAZI", "hour", T0.minusSeconds(7200), T0.plusSeconds(7200)))
                .containsExactly(new PipelineQueries.Point(T0, 2));
        assertThat(queries.trendSeries("rule", "benghazi", "day", T0.minusSeconds(86_400), T0))
                .extracting(PipelineQueries.Point::count).containsExactly(2L);
    }

    /** Lets the trend sums' wall-clock flush run, as it does every {@link RaqibTopology#TREND_FLUSH} live. */
    private void flushTrendSums() {
        driver.advanceWallClockTime(RaqibTopology.TREND_FLUSH);
    }

    private static Article article(String id, String title, String body) {
        return new Article(id, "feed", "source", "https://example.org/" + id, title, "", body, "ar", T0, T0);
    }
}
