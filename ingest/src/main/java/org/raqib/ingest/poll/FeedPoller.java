package org.raqib.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.raqib.core.model.FeedState;
import org.raqib.ingest.fetch.FetchException;
import org.raqib.ingest.fetch.FetchResponse;
import org.raqib.ingest.fetch.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed once: a conditional GET with the validators from its state, its entries read, the ones not seen
 * before turned into articles (with the page's main text when the feed is marked fullText or an entry carries only a
 * summary), and the feed's next state. It publishes nothing itself: the {@link IngestWorker} commits the articles and
 * the state together, so a crash between the two cannot lose or repeat an item.
 *
 * <p>Thread-safe: a worker polls many feeds in parallel with one poller.
 */
public final class FeedPoller {

    /** How many item ids a feed's state remembers, so repeats are recognised. */
    public static final int REMEMBERED_ITEMS = 500;

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final HttpFetcher fetcher;
    private final FeedReader feeds;
    private final PageReader pages;
    private final PollSchedule schedule;
    private final Clock clock;
    private final FeedMetrics metrics;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * A poller.
     *
     * @param fetcher fetches feeds and pages
     * @param feeds reads entries out of a feed body
     * @param pages extracts main text from article pages
     * @param schedule decides the next poll time
     * @param registry receives the {@code raqib.feed.*} meters
     * @param clock the time of polls
     */
    public FeedPoller(HttpFetcher fetcher, FeedReader feeds, PageReader pages, PollSchedule schedule,
            MeterRegistry registry, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new FeedMetrics(Objects.requireNonNull(registry, "registry"), clock);
    }

    /** Polls {@code feed} from {@code state}; never throws for a failing feed, the failure is in the result. */
    public PollResult poll(FeedDefinition feed, FeedState state) {
        Instant now = clock.instant();
        Timer.Sample sample = Timer.start();
        FetchResponse response;
        List<FeedItem> items;
        try {
            response = fetcher.fetch(URI.create(feed.url()), feed.allowPrivate(), Optional.ofNullable(state.etag()),
                    Optional.ofNullable(state.lastModified()));
            items = response.notModified() ? List.of()
                    : feeds.read(response.body(), response.contentType(), response.address());
        } catch (FetchException e) {
            sample.stop(metrics.fetchTimer(feed.id()));
            return failed(feed, state, now, e);
        } catch (IllegalArgumentException e) {
            sample.stop(metrics.fetchTimer(feed.id()));
            return failed(feed, state, now, new FetchException(FetchException.Kind.BLOCKED,
                    "feed url is not a valid address: " + feed.url()));
        }
        sample.stop(metrics.fetchTimer(feed.id()));
        warned.remove(feed.id());
        if (response.notModified()) {
            Duration interval = schedule.afterSuccess(feed, state, 0, List.of(), now);
            FeedState next = new FeedState(feed.id(), response.etag().orElse(state.etag()),
                    response.lastModified().orElse(state.lastModified()), now, now.plus(interval), state.newestItemAt(),
                    0, state.recentItemIds());
            return done(feed, next, List.of(), PollResult.Outcome.NOT_MODIFIED, Optional.empty(), 0);
        }
        Set<String> seen = new HashSet<>(state.recentItemIds());
        List<Article> fresh = new ArrayList<>();
        List<String> freshIds = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Instant newest = state.newestItemAt();
        int duplicates = 0;
        for (FeedItem item : items) {
            item.published().ifPresent(times::add);
            String id = ArticleIds.of(feed.id(), item.id());
            if (seen.contains(id) || freshIds.contains(id)) {
                duplicates++;
                continue;
            }
            Article article = article(feed, item, id, now);
            fresh.add(article);
            freshIds.add(id);
            if (article.publishedAt() != null && (newest == null || article.publishedAt().isAfter(newest))) {
                newest = article.publishedAt();
            }
        }
        List<String> remembered = new ArrayList<>(freshIds);
        for (String id : state.recentItemIds()) {
            if (remembered.size() >= REMEMBERED_ITEMS) {
                break;
            }
            remembered.add(id);
        }
        Duration interval = schedule.afterSuccess(feed, state, fresh.size(), times, now);
        FeedState next = new FeedState(feed.id(), response.etag().orElse(null), response.lastModified().orElse(null),
                now, now.plus(interval), newest, 0, remembered);
        return done(feed, next, fresh, fresh.isEmpty() ? PollResult.Outcome.UNCHANGED : PollResult.Outcome.NEW_ITEMS,
                Optional.empty(), duplicates);
    }

    private Article article(FeedDefinition feed, FeedItem item, String id, Instant now) {
        String title = item.title();
        String body = item.content();
        Instant published = item.publishedAt();
        String lang = feed.lang();
        if ((feed.fullText() || body.isBlank()) && !item.link().isBlank()) {
            Optional<PageText> page = page(feed, item.link());
            if (page.isPresent()) {
                PageText text = page.get();
                body = text.body().isBlank() ? body : text.body();
                title = title.isBlank() ? text.title() : title;
                published = published == null ? text.publishedAt() : published;
                lang = text.lang().isBlank() ? lang : text.lang();
            }
        }
        return new Article(id, feed.id(), feed.source(), item.link(), title, item.summary(), body, lang, published, now);
    }

    private Optional<PageText> page(FeedDefinition feed, String link) {
        try {
            FetchResponse page = fetcher.fetch(URI.create(link), feed.allowPrivate());
            return pages.read(page.body(), page.contentType(), page.address());
        } catch (FetchException e) {
            metrics.error(feed.id(), e.kind());
            log.debug("Feed {}: article page {} not fetched ({}); keeping the feed's summary", feed.id(), link,
                    e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // A page the extractor cannot handle must not cost the item: keep the summary, count it.
            metrics.error(feed.id(), FetchException.Kind.PARSE);
            log.debug("Feed {}: article page {} not extracted: {}", feed.id(), link, e.toString());
            return Optional.empty();
        }
    }

    private PollResult failed(FeedDefinition feed, FeedState state, Instant now, FetchException e) {
        int failures = state.consecutiveFailures() + 1;
        Duration wait = schedule.afterFailure(feed, failures, e.retryAfter());
        if (warned.add(feed.id())) {
            log.warn("Feed {} failed ({}): {}; retrying in {} s, further failures logged at debug", feed.id(),
                    e.kind(), e.getMessage(), wait.toSeconds());
        } else {
            log.debug("Feed {} failed again ({} in a row, {}): {}", feed.id(), failures, e.kind(), e.getMessage());
        }
        metrics.error(feed.id(), e.kind());
        FeedState next = new FeedState(feed.id(), state.etag(), state.lastModified(), now, now.plus(wait),
                state.newestItemAt(), failures, state.recentItemIds());
        return done(feed, next, List.of(), PollResult.Outcome.ERROR, Optional.of(e.kind()), 0);
    }

    private PollResult done(FeedDefinition feed, FeedState next, List<Article> fresh, PollResult.Outcome outcome,
            Optional<FetchException.Kind> error, int duplicates) {
        metrics.poll(feed.id(), outcome);
        metrics.items(feed.id(), fresh.size(), duplicates);
        metrics.state(feed.id(), next.newestItemAt(),
                next.consecutiveFailures() > 0 ? Duration.between(next.lastPolledAt(), next.nextPollAt()) : Duration.ZERO);
        return new PollResult(next, fresh, outcome, error);
    }
}
