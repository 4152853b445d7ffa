package org.raqib.streams.topology;

import java.time.Clock;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.raqib.core.json.JsonSerde;
import org.raqib.core.model.Article;

/**
 * Turns the raw bytes of {@code raqib.articles} into {@link Article}s. Decoding here rather than in the source's
 * serde lets an undecodable record become a dead letter with its offset and reason instead of stopping the
 * stream thread.
 */
final class DecodeArticles implements FixedKeyProcessor<String, byte[], Outcome<Article>> {

    private static final JsonSerde<Article> SERDE = JsonSerde.of(Article.class);

    private final Clock clock;
    private FixedKeyProcessorContext<String, Outcome<Article>> context;

    DecodeArticles(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome<Article>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // A tombstone on an event topic means nothing; there is no article to lose.
        }
        try {
            Article article = SERDE.deserializer().deserialize(context.recordMetadata().map(m -> m.topic()).orElse(""),
                    record.value());
            if (record.key() != null && !record.key().equals(article.id())) {
                throw new IllegalArgumentException("record key '" + record.key() + "' differs from article id '"
                        + article.id() + "'");
            }
            context.forward(record.withValue(Outcome.of(article)));
        } catch (RuntimeException e) {
            context.forward(record.withValue(Outcome.failed(DeadLetters.of("decode",
                    e.getMessage() == null ? e.toString() : e.getMessage(), e, record.key(), record.value(),
                    context.recordMetadata().orElse(null), clock.instant()))));
        }
    }
}
