package org.raqib.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Article;

class JsonSerdeTest {

    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);

    @Test
    void roundTripsAnArticleWithArabicTextAndIsoTimes() {
        Article article = new Article("a1", "feed", "src", "https://example.org/a", "ليبيا والنيجر", "", "نص",
                "ar", Instant.parse("2024-08-18T07:56:00Z"), Instant.parse("2024-08-18T08:00:00Z"));

        byte[] bytes = serde.serializer().serialize("t", article);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"publishedAt\":\"2024-08-18T07:56:00Z\"");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void keepsTombstonesNull() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void ignoresUnknownFieldsSoOlderReadersAcceptNewerRecords() {
        byte[] bytes = "{\"id\":\"a\",\"fetchedAt\":\"2024-01-01T00:00:00Z\",\"future\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", bytes).id()).isEqualTo("a");
    }

    @Test
    void rejectsInvalidRecordsWithKafkasSerializationException() {
        byte[] missingId = "{\"title\":\"x\",\"fetchedAt\":\"2024-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("raqib.articles", missingId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("raqib.articles");
        assertThatThrownBy(() -> serde.deserializer().deserialize("raqib.articles", garbage))
                .isInstanceOf(SerializationException.class);
    }
}
