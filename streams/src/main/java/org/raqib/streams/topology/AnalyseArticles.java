package org.raqib.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.raqib.core.json.Json;
import org.raqib.core.metrics.MeterNames;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.stories.StorySignature;
import org.raqib.streams.text.ArticleText;
import org.raqib.streams.text.TextAnalyzer;

/**
 * Recognises entities and evaluates the current rules for each article. A failure on one article (a bug meeting
 * odd text) becomes a dead letter with the article itself, so the rest of the stream goes on.
 */
final class AnalyseArticles implements FixedKeyProcessor<String, Article, Outcome<Analysed>> {

    private final EntityRecognition recognition;
    private final LiveRules rules;
    private final Clock clock;
    private final MeterRegistry registry;
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private FixedKeyProcessorContext<String, Outcome<Analysed>> context;

    AnalyseArticles(EntityRecognition recognition, LiveRules rules, Clock clock, MeterRegistry registry) {
        this.recognition = recognition;
        this.rules = rules;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome<Analysed>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        Article article = record.value();
        try {
            // One tokenisation for both readers of the article's words.
            ArticleText text = ArticleText.of(article, analyzer);
            List<EntityHit> entities = recognition.recognise(article, text);
            List<RuleHit> hits = rules.evaluate(article, entities, text);
            registry.counter(MeterNames.ARTICLES_PROCESSED).increment();
            for (EntityHit entity : entities) {
                registry.counter(MeterNames.ENTITY_MENTIONS, "side", entity.side()).increment(entity.mentions().size());
            }
            context.forward(record.withValue(Outcome.of(hits.isEmpty()
                    // Only matched articles are clustered into stories; the signature costs as much as recognition.
                    ? new Analysed(article, entities, hits, new int[0], "a:" + article.id(), null)
                    : withSignature(article, entities, hits))));
        } catch (RuntimeException e) {
            String json = Json.write(article);
            context.forward(record.withValue(Outcome.failed(DeadLetters.of("analyse",
                    "recognition or rule matching failed: " + e, e, record.key(),
                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8), context.recordMetadata().orElse(null),
                    clock.instant()))));
        }
    }

    private static Analysed withSignature(Article article, List<EntityHit> entities, List<RuleHit> hits) {
        // Syndicators rewrite titles more than bodies; the title counts only when there is little body.
        String text = article.text().length() < 200 ? article.title() + "\n" + article.text() : article.text();
        StorySignature signature = StorySignature.of(text);
        String key = signature.comparable() ? signature.key() : "a:" + article.id();
        return new Analysed(article, entities, hits, signature.hashes(), key, null).slim();
    }
}
