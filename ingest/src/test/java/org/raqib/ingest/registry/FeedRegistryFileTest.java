package org.raqib.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.FeedDefinition;

class FeedRegistryFileTest {

    private static List<FeedDefinition> read(String yaml) throws IOException {
        return new FeedRegistryFile().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void readsFeedsWithDefaultsForOmittedFields() throws IOException {
        List<FeedDefinition> feeds = read("""
                feeds:
                  - id: alwasat-ly
                    url: https://alwasat.ly/rss
                    title: بوابة الوسط
                    tags: [libya]
                    minInterval: 2m
                    maxInterval: 1h
                    fullText: true
                  - id: sahara
                    url: http://saharamedias.net/feed/
                """);

        assertThat(feeds).hasSize(2);
        FeedDefinition first = feeds.get(0);
        assertThat(first.title()).isEqualTo("بوابة الوسط");
        assertThat(first.source()).isEqualTo("alwasat-ly");
        assertThat(first.minInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(first.maxInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(first.fullText()).isTrue();
        assertThat(first.allowPrivate()).isFalse();
        assertThat(feeds.get(1).lang()).isEqualTo("ar");
        assertThat(feeds.get(1).minInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnceNamingFeedAndField() {
        assertThatThrownBy(() -> read("""
                feeds:
                  - id: one
                    url: ftp://example.org/feed
                  - id: one
                    url: https://example.org/other
                  - id: Bad Id
                    url: https://example.org/x
                  - id: slow
                    url: https://example.org/slow
                    minInterval: 1h
                    maxInterval: 5m
                  - id: typo
                    url: https://example.org/typo
                    fulltext: true
                  - id: secret
                    url: https://user:pw@example.org/feed
                """))
                .isInstanceOfSatisfying(FeedRegistryException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).contains("feeds[0] (one)").contains("http(s)"),
                        p -> assertThat(p).contains("feeds[1] (one)").contains("unique"),
                        p -> assertThat(p).contains("feeds[2]").contains("id must be"),
                        p -> assertThat(p).contains("feeds[3] (slow)").contains("maxInterval"),
                        p -> assertThat(p).contains("feeds[4] (typo)").contains("unknown field 'fulltext'"),
                        p -> assertThat(p).contains("feeds[5] (secret)").contains("password")));
    }

    @Test
    void refusesAFileWithoutAFeedsList() {
        assertThatThrownBy(() -> read("rules: []\n")).isInstanceOf(FeedRegistryException.class)
                .hasMessageContaining("feeds:");
        assertThatThrownBy(() -> read("feeds: [\n")).isInstanceOf(FeedRegistryException.class)
                .hasMessageContaining("YAML");
    }

    @Test
    void refusesIntervalsOutsideTheirBounds() {
        assertThatThrownBy(() -> read("""
                feeds:
                  - id: hammer
                    url: https://example.org/feed
                    minInterval: 100ms
                  - id: sleepy
                    url: https://example.org/feed2
                    maxInterval: 30d
                """))
                .isInstanceOfSatisfying(FeedRegistryException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void shipsAValidDefaultListOfArabicFeedsMarkedUnverified() throws IOException {
        List<FeedDefinition> feeds = new FeedRegistryFile().readDefaults();

        assertThat(feeds).hasSizeGreaterThanOrEqualTo(15);
        assertThat(feeds).allSatisfy(f -> {
            assertThat(f.lang()).isEqualTo("ar");
            assertThat(f.tags()).contains("unverified");
            assertThat(f.allowPrivate()).isFalse();
        });
        assertThat(feeds).flatExtracting(FeedDefinition::tags).contains("libya", "sahel", "pan-arab");
    }
}
