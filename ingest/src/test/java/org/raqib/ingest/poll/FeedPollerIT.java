package org.raqib.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;
import org.raqib.ingest.fetch.FetchException;
import org.raqib.ingest.fetch.FetchLimits;
import org.raqib.ingest.fetch.HttpFetcher;
import org.raqib.ingest.extract.ArticleExtractor;
import org.raqib.ingest.parse.FeedParser;
import org.raqib.ingest.simulate.FeedFormat;
import org.raqib.ingest.simulate.FeedSimulator;
import org.raqib.core.testing.MutableClock;

/** One feed polled against the simulator over real HTTP: new items, 304s, repeats, full text, failures, meters. */
class FeedPollerIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> pagesRead = new CopyOnWriteArrayList<>();
    private FeedSimulator simulator;
    private HttpFetcher fetcher;
    private FeedPoller poller;

    @BeforeEach
    void setUp() throws Exception {
        simulator = new FeedSimulator(SimulatorCorpus.of(4, 30), 0, 60, clock, 2);
        fetcher = new HttpFetcher(new FetchLimits("RaqibTest/1.0", Duration.ofSeconds(5), Duration.ofSeconds(10),
                1024 * 1024, 5, 4, Duration.ZERO, false));
        PageReader pages = (html, type, uri) -> {
            String page = new String(html, StandardCharsets.UTF_8);
            pagesRead.add(page);
            return Optional.of(new PageText("", "نص الصفحة الكامل", null, "", "ar"));
        };
        poller = new FeedPoller(fetcher, new ParsedFeedReader(new FeedParser()), pages, new PollSchedule(new Random(1)), meters, clock);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
        simulator.close();
    }

    private FeedDefinition feed(FeedFormat format) {
        return simulator.feeds().stream().filter(f -> f.tags().contains(format.name().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow();
    }

    private double count(String name, String... tags) {
        var search = meters.find(name).tags(tags);
        return search.counter() == null ? 0 : search.counter().count();
    }

    @Test
    void publishesNewItemsThenAnswers304ThenSkipsRepeats() {
        FeedDefinition feed = feed(FeedFormat.RSS);

        PollResult first = poller.poll(feed, FeedState.initial(feed.id()));
        PollResult second = poller.poll(feed, first.state());
        clock.advance(Duration.ofSeconds(4)); // four items appear, one per outlet
        PollResult third = poller.poll(feed, second.state());

        assertThat(first.outcome()).isEqualTo(PollResult.Outcome.NEW_ITEMS);
        assertThat(first.articles()).hasSize(FeedSimulator.INITIAL_ITEMS).allSatisfy(a -> {
            assertThat(a.feedId()).isEqualTo(feed.id());
            assertThat(a.source()).isEqualTo(feed.source());
            assertThat(a.body()).contains("المجلس البلدي");
            assertThat(a.publishedAt()).isNotNull();
            assertThat(a.url()).startsWith(URI.create(feed.url()).resolve("/articles/").toString());
        });
        assertThat(first.state().etag()).isNotNull();
        assertThat(first.state().recentItemIds()).hasSize(FeedSimulator.INITIAL_ITEMS);
        assertThat(second.outcome()).isEqualTo(PollResult.Outcome.NOT_MODIFIED);
        assertThat(third.outcome()).isEqualTo(PollResult.Outcome.NEW_ITEMS);
        assertThat(third.articles()).hasSize(1);
        assertThat(third.articles().get(0).id()).isNotIn(first.articles().stream().map(Article::id).toList());
        assertThat(pagesRead).isEmpty();

        assertThat(count("raqib.feed.polls", "feed", feed.id(), "outcome", "new_items")).isEqualTo(2);
        assertThat(count("raqib.feed.not.modified", "feed", feed.id())).isEqualTo(1);
        assertThat(count("raqib.feed.items.new", "feed", feed.id())).isEqualTo(FeedSimulator.INITIAL_ITEMS + 1);
        assertThat(count("raqib.feed.items.duplicate", "feed", feed.id())).isEqualTo(FeedSimulator.INITIAL_ITEMS);
        assertThat(meters.find("raqib.feed.fetch").tag("feed", feed.id()).timer().count()).isEqualTo(3);
        assertThat(meters.find("raqib.feed.freshness.lag").tag("feed", feed.id()).gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .allSatisfy(t -> assertThat(t.getValue()).doesNotContain("://")));
    }

    @Test
    void takesTheArticlePagesTextForASummaryOnlyFeed() {
        FeedDefinition feed = feed(FeedFormat.RSS_SUMMARY_ONLY);

        PollResult result = poller.poll(feed, FeedState.initial(feed.id()));

        assertThat(feed.fullText()).isTrue();
        assertThat(result.articles()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.body()).isEqualTo("نص الصفحة الكامل");
            assertThat(a.summary()).isNotBlank();
        });
        assertThat(pagesRead).hasSize(result.articles().size())
                .allSatisfy(page -> assertThat(page).contains("أخبار ذات علاقة", "الأكثر قراءة", "<footer"))
                .anySatisfy(page -> assertThat(page).contains("اقرأ أيضاً"));
    }

    @Test
    void keepsOnlyTheArticleTextOfTheSimulatorsPagesWithTheProductionExtractor() {
        FeedPoller real = new FeedPoller(fetcher, new ParsedFeedReader(new FeedParser()),
                new ExtractedPageReader(new ArticleExtractor()), new PollSchedule(new Random(1)), meters, clock);
        FeedDefinition feed = feed(FeedFormat.RSS_SUMMARY_ONLY);

        PollResult result = real.poll(feed, FeedState.initial(feed.id()));

        assertThat(result.articles()).hasSize(FeedSimulator.INITIAL_ITEMS).allSatisfy(a -> assertThat(a.body())
                .contains("اجتمع المجلس البلدي", "أعلنت الوزارة")
                .doesNotContain("أخبار ذات علاقة", "اقرأ أيضاً", "الأكثر قراءة", "جميع الحقوق", "شارك الخبر"));
    }

    @Test
    void readsTheWindows1256AndAtomOutlets() {
        for (FeedFormat format : List.of(FeedFormat.RSS_WINDOWS_1256, FeedFormat.ATOM)) {
            FeedDefinition feed = feed(format);

            PollResult result = poller.poll(feed, FeedState.initial(feed.id()));

            assertThat(result.articles()).as(format.name()).hasSize(FeedSimulator.INITIAL_ITEMS)
                    .allSatisfy(a -> assertThat(a.title()).startsWith("خبر رقم"));
        }
    }

    @Test
    void recordsAFailureWithBackoffAndKeepsTheValidators() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FeedDefinition feed = new FeedDefinition("down", "http://127.0.0.1:" + closedPort + "/rss", null, null, null,
                null, Duration.ofSeconds(30), Duration.ofMinutes(5), false, true);
        FeedState before = new FeedState("down", "\"e1\"", null, null, null, null, 2, List.of("a-1"));

        PollResult result = poller.poll(feed, before);

        assertThat(result.outcome()).isEqualTo(PollResult.Outcome.ERROR);
        assertThat(result.error()).contains(FetchException.Kind.NETWORK);
        assertThat(result.state().consecutiveFailures()).isEqualTo(3);
        assertThat(result.state().etag()).isEqualTo("\"e1\"");
        assertThat(result.state().recentItemIds()).containsExactly("a-1");
        assertThat(Duration.between(clock.instant(), result.state().nextPollAt())).isBetween(Duration.ofSeconds(96),
                Duration.ofSeconds(144));
        assertThat(count("raqib.feed.errors", "feed", "down", "kind", "network")).isEqualTo(1);
        assertThat(meters.find("raqib.feed.backoff").tag("feed", "down").gauge().value()).isPositive();
    }

    @Test
    void refusesAFeedOnLoopbackThatIsNotMarkedAllowPrivate() {
        FeedDefinition sim = feed(FeedFormat.RSS);
        FeedDefinition feed = new FeedDefinition("sneaky", sim.url(), null, null, null, null, null, null, false, false);

        PollResult result = poller.poll(feed, FeedState.initial("sneaky"));

        assertThat(result.error()).contains(FetchException.Kind.BLOCKED);
        assertThat(result.articles()).isEmpty();
    }
}
