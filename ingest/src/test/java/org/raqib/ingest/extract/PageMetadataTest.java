package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageMetadataTest {

    @Test
    void readsMetadataWhereverThePageHoldsItHiddenPartsIncluded() {
        String page = "<html lang=ar><head><meta name=author content=\"كاتب الرأس\"><title>عنوان الصفحة</title></head>"
                + "<body><noscript><meta property=\"og:title\" content=\"عنوان المقال\"></noscript>"
                + "<div hidden><time datetime=\"2024-08-18T07:56:00+03:00\">١٨ أغسطس</time></div>"
                + "<meta name=author content=\"كاتب المتن\"><p>" + "نص المقال. ".repeat(20) + "</p></body></html>";

        ExtractedPage extracted = new ArticleExtractor().extract(page.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                URI.create("https://news.example/1"));

        assertThat(extracted.title()).isEqualTo("عنوان المقال");
        assertThat(extracted.published()).isEqualTo(Instant.parse("2024-08-18T04:56:00Z"));
        assertThat(extracted.author()).isEqualTo("كاتب الرأس");
        assertThat(extracted.lang()).isEqualTo("ar");
    }

    @Test
    void readsJsonLdFromTheBodyAfterTheHead() {
        String page = "<html><head><script type=application/ld+json>{\"@type\":\"WebPage\",\"headline\":\"صفحة\"}</script>"
                + "</head><body><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"الخبر\","
                + "\"author\":{\"name\":\"مراسل\"},\"datePublished\":\"2024-01-02T03:04:05Z\"}</script>"
                + "<p>" + "نص الخبر. ".repeat(20) + "</p></body></html>";

        ExtractedPage extracted = new ArticleExtractor().extract(page.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                URI.create("https://news.example/2"));

        assertThat(extracted.title()).isEqualTo("الخبر");
        assertThat(extracted.author()).isEqualTo("مراسل");
        assertThat(extracted.published()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }
}
