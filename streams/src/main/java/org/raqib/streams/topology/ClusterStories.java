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
import org.apache.kafka.streams.state.KeyValueStore;
import org.raqib.core.model.Article;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.stories.StorySignature;

/**
 * Gives each matched article its story id and turns it into a {@link Match} keyed by article id. Records arrive
 * keyed by their {@link StorySignature#key()}, so candidate copies of a story are in this partition's store; an
 * article joins the most similar recent story above {@link #SAME_STORY}, else starts its own.
 */
final class ClusterStories implements Processor<String, Analysed, String, Match> {

    static final String STORE = "raqib-story-store";

    /** Estimated Jaccard similarity of shingles above which two articles tell the same story. */
    static final double SAME_STORY = 0.5;

    /** Most articles remembered per signature key; older ones are dropped first. */
    static final int BUCKET_SIZE = 64;

    private final Duration window;
    private final Clock clock;
    private final MeterRegistry registry;
    private ProcessorContext<String, Match> context;
    private KeyValueStore<String, StoryBucket> buckets;

    ClusterStories(Duration window, Clock clock, MeterRegistry registry) {
        this.window = window;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, Match> context) {
        this.context = context;
        this.buckets = context.getStateStore(STORE);
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
            registry.counter("raqib.stories.new").increment();
        }
        Instant matchedAt = clock.instant();
        analysed.rules().forEach(r -> registry.counter("raqib.matches", "rule", r.id()).increment());
        registry.timer("raqib.pipeline.match.latency")
                .record(Duration.between(article.fetchedAt(), matchedAt).isNegative()
                        ? Duration.ZERO : Duration.between(article.fetchedAt(), matchedAt));
        Match match = new Match(article.id(), storyId, first, article.source(), article.feedId(), article.url(),
                article.title(), article.lang(), article.publishedAt(), article.fetchedAt(), matchedAt,
                analysed.entities(), analysed.rules(),
                analysed.rules().stream().anyMatch(r -> r.id().equals(LiveRules.STORYLINE_RULE_ID)),
                Snippets.around(article, strongest(analysed.entities())));
        context.forward(record.withKey(article.id()).withValue(match));
    }

    private static Optional<Mention> strongest(List<EntityHit> entities) {
        return entities.stream()
                .flatMap(e -> e.mentions().stream())
                .max(Comparator.comparingDouble(Mention::confidence)
                        .thenComparing(m -> m.field().equals("title") ? 0 : 1));
    }
}
