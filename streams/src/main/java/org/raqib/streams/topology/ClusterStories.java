package org.raqib.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Article;
import org.raqib.core.model.Match;
import org.raqib.core.model.Story;
import org.raqib.streams.stories.StoryBucket;
import org.raqib.streams.stories.StorySignature;

/**
 * Gives each matched article its story id and turns it into a {@link Match} keyed by article id. Records arrive
 * keyed by their {@link StorySignature#key()}, so candidate copies of a story are in this partition's store; an
 * article joins the most similar recent story above {@link #SAME_STORY}, else starts its own.
 */
final class ClusterStories implements Processor<String, Analysed, String, Match> {

    static final String STORE = "raqib-story-store";

    /** Stories by id, for queries. */
    static final String STORIES = "raqib-stories-store";

    /** Recent matches by reverse time, newest first, for queries. */
    static final String RECENT = "raqib-recent-matches-store";

    /** Most article ids a story keeps; its count of copies beyond that is still right in the sources list. */
    static final int STORY_ARTICLES = 50;

    /** Estimated Jaccard similarity of shingles above which two articles tell the same story. */
    static final double SAME_STORY = 0.5;

    /** Most articles remembered per signature key; older ones are dropped first. */
    static final int BUCKET_SIZE = 64;

    private final Duration window;
    private final Clock clock;
    private final MeterRegistry registry;
    private ProcessorContext<String, Match> context;
    private KeyValueStore<String, StoryBucket> buckets;
    private KeyValueStore<String, Story> stories;
    private KeyValueStore<String, Match> recent;

    ClusterStories(Duration window, Clock clock, MeterRegistry registry) {
        this.window = window;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, Match> context) {
        this.context = context;
        this.buckets = context.getStateStore(STORE);
        this.stories = context.getStateStore(STORIES);
        this.recent = context.getStateStore(RECENT);
        // Stories and recent matches are kept for the story window; older entries are swept every ten minutes.
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::sweep);
    }

    private void sweep(long streamTime) {
        long horizon = streamTime - window.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Story> all = stories.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.lastSeen().toEpochMilli() < horizon) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(stories::delete);
        try (KeyValueIterator<String, Match> all = recent.range(RecentKeys.from(horizon), null)) {
            List<String> expired = new ArrayList<>();
            all.forEachRemaining(kv -> expired.add(kv.key));
            expired.forEach(recent::delete);
        }
    }

    @Override
    public void process(Record<String, Analysed> record) {
        Analysed analysed = record.value();
        Article article = analysed.article();
        StorySignature signature = new StorySignature(analysed.signature(), 0);
        String key = record.key();
        StoryBucket bucket = Optional.ofNullable(buckets.get(key)).orElse(new StoryBucket(List.of()));
        long horizon = record.timestamp() - window.toMillis();
        List<StoryBucket.Entry> kept = new ArrayList<>(bucket.entries().stream().filter(e -> e.timestamp() >= horizon).toList());

        Optional<StoryBucket.Entry> same = kept.stream()
                .filter(e -> e.articleId().equals(article.id()))
                .findFirst()
                .or(() -> kept.stream()
                        .filter(e -> signature.similarity(new StorySignature(e.signature(), 0)) >= SAME_STORY)
                        .max(Comparator.comparingDouble(e -> signature.similarity(new StorySignature(e.signature(), 0)))));
        String storyId = same.map(StoryBucket.Entry::storyId).orElse(article.id());
        boolean first = storyId.equals(article.id());
        if (same.isEmpty() || !same.get().articleId().equals(article.id())) {
            kept.add(new StoryBucket.Entry(article.id(), storyId, analysed.signature(), record.timestamp()));
        }
        while (kept.size() > BUCKET_SIZE) {
            kept.remove(0);
        }
        if (signature.comparable()) {
            buckets.put(key, new StoryBucket(kept));
        }
        if (first) {
            registry.counter(MeterNames.STORIES_NEW).increment();
        }
        Instant matchedAt = clock.instant();
        analysed.rules().forEach(r -> registry.counter(MeterNames.MATCHES, "rule", r.id()).increment());
        registry.timer(MeterNames.PIPELINE_MATCH_LATENCY)
                .record(Duration.between(article.fetchedAt(), matchedAt).isNegative()
                        ? Duration.ZERO : Duration.between(article.fetchedAt(), matchedAt));
        Match match = new Match(article.id(), storyId, first, article.source(), article.feedId(), article.url(),
                article.title(), article.lang(), article.publishedAt(), article.fetchedAt(), matchedAt,
                analysed.entities(), analysed.rules(),
                analysed.rules().stream().anyMatch(r -> r.id().equals(LiveRules.STORYLINE_RULE_ID)),
                analysed.matchSnippet());
        remember(match, record.timestamp());
        context.forward(record.withKey(article.id()).withValue(match));
    }

    private void remember(Match match, long timestamp) {
        Instant at = Instant.ofEpochMilli(timestamp);
        Story story = stories.get(match.storyId());
        if (story == null) {
            story = new Story(match.storyId(), match.title(), List.of(), List.of(), at, at);
        }
        List<String> ids = new ArrayList<>(story.articleIds());
        if (!ids.contains(match.articleId()) && ids.size() < STORY_ARTICLES) {
            ids.add(match.articleId());
        }
        List<String> sources = new ArrayList<>(story.sources());
        if (!sources.contains(match.source())) {
            sources.add(match.source());
        }
        stories.put(story.id(), new Story(story.id(), story.title(), ids, sources, story.firstSeen(),
                at.isAfter(story.lastSeen()) ? at : story.lastSeen()));
        recent.put(RecentKeys.key(timestamp, match.articleId()), match);
    }

}
