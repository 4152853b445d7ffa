package org.raqib.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raqib.core.testing.Eventually.assertThatEventually;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.config.TopicsSettings;
import org.raqib.core.kafka.Topic;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;
import org.raqib.core.testing.KafkaClusterExtension;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.topology.GazetteerRecognition;
import org.raqib.streams.topology.RaqibTopology;
import org.raqib.streams.topology.StreamsService;

/** Import, backtest and replay against a real broker, next to the live topology running on the same records. */
class BacktestIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleBroker();

    private static final Instant FROM = Instant.parse("2024-08-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-09-01T00:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void createTopics() throws Exception {
        Fixture.createArticlesTopic(kafka, 3);
        kafka.createTopics(3, Topics.MATCHES, Topics.RULES, Topics.DLQ, Topics.TRENDS);
    }

    @Test
    void importsWithThePublicationTimeAndAddsNothingTheSecondTime() throws Exception {
        ArticleImporter importer = new ArticleImporter(clientProperties(), Topics.ARTICLES.name(), ArticleCleaning.NONE);
        Path file = Fixture.write(dir);

        importer.importFiles(List.of(file), Progress.NONE);
        ImportSummary again = importer.importFiles(List.of(file), Progress.NONE);

        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(4);
        assertThat(again.rejected()).singleElement().asString().startsWith("fixture.jsonl:5");
        List<ConsumerRecord<String, Article>> onTopic = kafka.readAtLeast(Topics.ARTICLES, 4, Duration.ofSeconds(20));
        assertThat(onTopic).hasSize(4);
        assertThat(onTopic).allSatisfy(r -> assertThat(Instant.ofEpochMilli(r.timestamp()))
                .isEqualTo(r.value().publishedAt()));
    }

    @Test
    void backtestOfTheImportedRangeEqualsTheLivePipelineAndLeavesItUntouched() throws Exception {
        new ArticleImporter(clientProperties(), Topics.ARTICLES.name(), ArticleCleaning.NONE)
                .importFiles(List.of(Fixture.write(dir)), Progress.NONE);
        kafka.send(Topics.RULES, Fixture.SMUGGLING.id(), Fixture.SMUGGLING);
        kafka.send(Topics.RULES, Fixture.NIGER.id(), Fixture.NIGER);
        String applicationId = KafkaClusterExtension.uniqueName("raqib-live");
        List<Match> live;
        try (StreamsService service = liveService(applicationId).start()) {
            assertThatEventually(() -> assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING));
            live = kafka.readAtLeast(Topics.MATCHES, 3, Duration.ofSeconds(60)).stream()
                    .map(ConsumerRecord::value).toList();
        }
        assertThat(live).hasSize(3);
        Map<TopicPartition, OffsetAndMetadata> offsetsBefore = groupOffsets(applicationId);
        Set<String> groupsBefore = groups();
        Map<String, Long> endsBefore = ends(Topics.MATCHES, Topics.DLQ, Topics.TRENDS, Topics.ARTICLES, Topics.RULES);

        BacktestRun run = Fixture.engine().run(new ArticleRange(clientProperties(), Topics.ARTICLES.name(), FROM, TO),
                List.of(List.of(Fixture.SMUGGLING, Fixture.NIGER)), Progress.NONE).get(0);

        assertThat(summary(run.matches())).isEqualTo(summary(live));
        assertThat(summary(run.matches())).containsOnlyKeys("a1", "a3", "a4");
        assertThat(groupOffsets(applicationId)).isEqualTo(offsetsBefore);
        assertThat(groups()).isEqualTo(groupsBefore);
        assertThat(ends(Topics.MATCHES, Topics.DLQ, Topics.TRENDS, Topics.ARTICLES, Topics.RULES)).isEqualTo(endsBefore);
    }

    @Test
    void readsOnlyTheRecordsOfTheRangeAndCopiesThemForAReplay() throws Exception {
        new ArticleImporter(clientProperties(), Topics.ARTICLES.name(), ArticleCleaning.NONE)
                .importFiles(List.of(Fixture.write(dir)), Progress.NONE);
        Instant from = Instant.parse("2024-08-12T00:00:00Z");
        Instant to = Instant.parse("2024-08-13T00:00:00Z");
        String copy = KafkaClusterExtension.uniqueName("raqib.articles.replay");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(copy, 1, (short) 1))).all().get();
        }

        long copied = new RangeCopy(clientProperties()).copy(Topics.ARTICLES.name(), copy, from, to, Progress.NONE);

        assertThat(copied).isEqualTo(2);
        List<String> keys = new java.util.ArrayList<>();
        new ArticleRange(clientProperties(), copy, from, to).forEach(r -> keys.add(r.key()));
        assertThat(keys).containsExactlyInAnyOrder("a3", "a4");
    }

    @Test
    void startsANewApplicationIdAtTheBeginningOfTheRangeAndRefusesOneThatHasRun() throws Exception {
        new ArticleImporter(clientProperties(), Topics.ARTICLES.name(), ArticleCleaning.NONE)
                .importFiles(List.of(Fixture.write(dir)), Progress.NONE);
        String applicationId = KafkaClusterExtension.uniqueName("raqib-replay");
        try (Admin admin = kafka.admin()) {
            ReplayStart start = new ReplayStart(admin);

            Map<TopicPartition, Long> starts = start.prepare(applicationId, Topics.ARTICLES.name(),
                    Instant.parse("2024-08-12T00:00:00Z"));

            assertThat(starts).hasSize(3);
            assertThat(groupOffsets(applicationId)).hasSize(3);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> start.prepare(applicationId,
                            Topics.ARTICLES.name(), FROM))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("kafka-streams-application-reset");
        }
    }

    @Test
    void triesARuleOverTheLastDaysAgainstTheLiveRuleOfTheSameId() throws Exception {
        new ArticleImporter(clientProperties(), Topics.ARTICLES.name(), ArticleCleaning.NONE)
                .importFiles(List.of(Fixture.write(dir)), Progress.NONE);
        Clock endOfTheTwelfth = Clock.fixed(Instant.parse("2024-08-12T23:59:00Z"), ZoneOffset.UTC);
        RuleTrial trial = new RuleTrial(Fixture::engine, clientProperties(), endOfTheTwelfth, 1_000);
        Rule edited = new Rule("smuggling", "Smuggling", "", "high", "النيجر", List.of());

        BacktestReport threeDays = trial.run(edited, Optional.of(Fixture.SMUGGLING), 3).orElseThrow().report();
        BacktestReport oneDay = trial.run(edited, Optional.empty(), 1).orElseThrow().report();

        assertThat(threeDays.baseline()).isEqualTo("current");
        assertThat(threeDays.articles()).isEqualTo(4);
        assertThat(threeDays.rules()).singleElement().satisfies(line -> {
            assertThat(line.hits()).isEqualTo(2);
            assertThat(line.baselineHits()).isEqualTo(2);
            assertThat(line.added()).isEqualTo(1);
            assertThat(line.lost()).isEqualTo(1);
        });
        assertThat(oneDay.baseline()).isEqualTo("none");
        assertThat(oneDay.articles()).isEqualTo(2);
        assertThat(oneDay.rules()).singleElement().extracting(BacktestReport.RuleLine::hits).isEqualTo(1L);
    }

    @Test
    void refusesASecondTrialWhileOneIsRunningAndBoundsTheDays() throws Exception {
        List<Optional<RuleTrial.Result>> inner = new java.util.ArrayList<>();
        RuleTrial[] trial = new RuleTrial[1];
        trial[0] = new RuleTrial(() -> {
            try {
                inner.add(trial[0].run(Fixture.NIGER, Optional.empty(), 1));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Fixture.engine();
        }, clientProperties(), Clock.systemUTC(), 10);

        assertThat(trial[0].run(Fixture.SMUGGLING, Optional.empty(), 1)).isPresent();
        assertThat(inner).containsExactly(Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trial[0].run(Fixture.SMUGGLING, Optional.empty(), 31))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("days must be between 1 and 30, got 31");
    }

    @Test
    void aLimitedRangeReadsNoMoreThanItsLimit() throws Exception {
        new ArticleImporter(clientProperties(), Topics.ARTICLES.name(), ArticleCleaning.NONE)
                .importFiles(List.of(Fixture.write(dir)), Progress.NONE);
        List<String> all = new java.util.ArrayList<>();
        List<String> limited = new java.util.ArrayList<>();

        new ArticleRange(clientProperties(), Topics.ARTICLES.name(), FROM, TO, 1_000).forEach(r -> all.add(r.key()));
        new ArticleRange(clientProperties(), Topics.ARTICLES.name(), FROM, TO, 3).forEach(r -> limited.add(r.key()));

        assertThat(all).containsExactlyInAnyOrder("a1", "a2", "a3", "a4");
        assertThat(limited).hasSizeLessThanOrEqualTo(3).isSubsetOf(all);
    }

    /** Article id → story, rules and entities: what must agree (matchedAt is the wall clock live). */
    private static Map<String, String> summary(List<Match> matches) {
        Map<String, String> out = new TreeMap<>();
        matches.forEach(m -> out.put(m.articleId(), m.storyId() + " " + m.firstInStory() + " "
                + m.rules().stream().map(RuleHit::id).sorted().toList() + " "
                + m.entities().stream().map(EntityHit::id).sorted().toList()));
        return out;
    }

    private StreamsService liveService(String applicationId) {
        StreamsSettings settings = new StreamsSettings(applicationId, dir.resolve("state").toString(), 0, 1,
                Fixture.SETTINGS.dedupeWindow(), Fixture.SETTINGS.storyWindow());
        RaqibTopology topology = new RaqibTopology(GazetteerRecognition.standard(),
                new RuleBook(TokenAnalysis.standard(), List.of()), settings, Clock.systemUTC(), new SimpleMeterRegistry());
        return new StreamsService(topology.build(), clientProperties(), settings, new TopicsSettings(3, 1, 1, -1),
                new SimpleMeterRegistry());
    }

    private static Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }

    private static Map<TopicPartition, OffsetAndMetadata> groupOffsets(String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    private static Set<String> groups() throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .collect(Collectors.toSet());
        }
    }

    private static Map<String, Long> ends(Topic<?, ?>... topics) {
        Map<String, Long> out = new TreeMap<>();
        for (Topic<?, ?> t : topics) {
            out.put(t.name(), kafka.endOffsets(t.name()));
        }
        return out;
    }
}
