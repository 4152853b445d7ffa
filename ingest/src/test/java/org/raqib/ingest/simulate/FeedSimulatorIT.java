package org.raqib.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.raqib.ingest.fetch.AddressGuard;
import org.raqib.ingest.fetch.FetchException;
import org.raqib.ingest.registry.FeedPlacement;
import org.raqib.core.testing.MutableClock;

/** The simulator over real HTTP on loopback. */
class FeedSimulatorIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private FeedSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        List<Article> corpus = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            for (int n = 0; n < 10; n++) {
                corpus.add(new Article("x-" + s + "-" + n, "import", "src" + s, "", "عنوان الخبر " + n + " «مالي»", "",
                        "نص الخبر رقم " + n + " عن ليبيا والنيجر.", "ar", Instant.EPOCH.plusSeconds(n), Instant.EPOCH));
            }
        }
        corpus.add(new Article("untitled", "import", "src0", "", "", "", "نص بلا عنوان", "ar", null, Instant.EPOCH));
        simulator = new FeedSimulator(corpus, 0, 60, clock, 2);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<byte[]> get(URI uri, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesEachSourceInItsFormatOnLoopbackWithFeedDefinitionsAllowedPrivate() {
        assertThat(simulator.sources()).containsExactly("src0", "src1", "src2", "src3");
        assertThat(simulator.format("src2")).isEqualTo(FeedFormat.RSS_WINDOWS_1256);
        assertThat(simulator.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(simulator.feeds()).allSatisfy(f -> assertThat(f.allowPrivate()).isTrue())
                .filteredOn(FeedDefinition::fullText).extracting(FeedDefinition::source).containsExactly("src3");
    }

    @Test
    void servesEachSourceFromALoopbackHostOfItsOwnThatTheAddressGuardOnlyLetsAllowedFeedsReach() throws Exception {
        assertThat(simulator.sources()).extracting(s -> simulator.feedUrl(s).getHost())
                .containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
        assertThat(simulator.feeds()).extracting(f -> FeedPlacement.partition(f.url(), 4)).doesNotHaveDuplicates();
        AddressGuard guard = new AddressGuard(false);
        for (FeedDefinition feed : simulator.feeds()) {
            URI url = URI.create(feed.url());
            assertThat(get(url, null).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> guard.check(url, false)).isInstanceOf(FetchException.class)
                    .hasMessageContaining("allowPrivate");
            assertThat(guard.check(url, feed.allowPrivate())).isNotEmpty();
        }
        String rss = new String(get(simulator.feedUrl("src1"), null).body(), StandardCharsets.UTF_8);
        assertThat(rss).contains("http://127.0.0.3:" + simulator.port() + "/articles/src1/0.html")
                .doesNotContain("127.0.0.1");
        assertThat(new String(get(simulator.baseUrl(), null).body(), StandardCharsets.UTF_8))
                .contains(simulator.feedUrl("src3").toString());
    }

    @Test
    void answers304UntilANewItemAppears() throws Exception {
        URI feed = simulator.feedUrl("src0");
        HttpResponse<byte[]> first = get(feed, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(get(feed, etag).statusCode()).isEqualTo(304);
        clock.advance(Duration.ofSeconds(4)); // 60 per minute over four sources: one more item each
        HttpResponse<byte[]> changed = get(feed, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(etag);
        assertThat(simulator.published("src0")).isEqualTo(FeedSimulator.INITIAL_ITEMS + 1);
        assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("عنوان الخبر 5").doesNotContain("نص بلا عنوان");
    }

    @Test
    void servesOneSourceInWindows1256Bytes() throws Exception {
        HttpResponse<byte[]> response = get(simulator.feedUrl("src2"), null);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=windows-1256");
        String decoded = new String(response.body(), Charset.forName("windows-1256"));
        assertThat(decoded).startsWith("<?xml version=\"1.0\" encoding=\"windows-1256\"?>").contains("عنوان الخبر 4 «مالي»");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("عنوان الخبر");
    }

    @Test
    void givesSummariesOnlyForOneSourceWithArticlePagesInANewsTemplate() throws Exception {
        String rss = new String(get(simulator.feedUrl("src3"), null).body(), StandardCharsets.UTF_8);
        assertThat(rss).contains("<description>").doesNotContain("content:encoded>");

        int start = rss.indexOf("<link>", rss.indexOf("<item>")) + "<link>".length();
        URI page = URI.create(rss.substring(start, rss.indexOf("</link>", start)));
        HttpResponse<byte[]> html = get(page, null);

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(new String(html.body(), StandardCharsets.UTF_8))
                .contains("<nav", "أخبار ذات علاقة", "اقرأ أيضاً", "الأكثر قراءة", "<footer", "application/ld+json",
                        "نص الخبر رقم 4");
        assertThat(get(simulator.baseUrl().resolve("/articles/src3/9.html"), null).statusCode())
                .as("an item that has not appeared yet").isEqualTo(404);
    }

    @Test
    void startsWithAFewItemsPerSourceAndAddsThemAtTheRate() {
        assertThat(simulator.published("src1")).isEqualTo(FeedSimulator.INITIAL_ITEMS);
        clock.advance(Duration.ofSeconds(8));
        assertThat(simulator.published("src1")).isEqualTo(FeedSimulator.INITIAL_ITEMS + 2);
        clock.advance(Duration.ofHours(1));
        assertThat(simulator.published("src1")).isEqualTo(10);
    }
}
