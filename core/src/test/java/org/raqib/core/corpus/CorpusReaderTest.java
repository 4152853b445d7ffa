package org.raqib.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.model.Article;

class CorpusReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsSaudiNewsNetZipsWithStableIdsFromUrls() throws IOException {
        Path zip = dir.resolve("2015-07-21.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("2015-07-21.json"));
            out.write(("[{\"source\":\"aawsat\",\"url\":\"http://aawsat.com/a/1\",\"date_extracted\":\"2015-07-21 02:51:32\","
                    + "\"title\":\" ليبيا \",\"author\":\"x\",\"content\":\"نص المقال\"},"
                    + "{\"source\":\"okaz\",\"title\":\"no url\"}]").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        CorpusReader.Collected collected = new CorpusReader.Collected();

        new CorpusReader().readAll(dir, collected);

        Article article = collected.articles().get(0);
        assertThat(article.id()).isEqualTo(CorpusReader.idForUrl("http://aawsat.com/a/1")).startsWith("snn-").hasSize(20);
        assertThat(article.source()).isEqualTo("aawsat");
        assertThat(article.title()).isEqualTo("ليبيا");
        assertThat(article.body()).isEqualTo("نص المقال");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2015-07-21T02:51:32Z"));
        assertThat(collected.rejected()).containsExactly("2015-07-21.zip!2015-07-21.json#1: missing \"url\"");
    }

    @Test
    void readsFieldsAsTextSkippingNestedValuesAndTakingTheLastOfARepeatedField() throws IOException {
        Path json = dir.resolve("day.json");
        Files.writeString(json, "[{\"extra\":{\"url\":\"http://nested/\",\"list\":[1,{\"a\":[]}]},\"url\":\"http://x/1\","
                + "\"source\":null,\"title\":[\"t\"],\"content\":\"first\",\"content\":\" last \","
                + "\"date_extracted\":\"yesterday\"},{\"url\":\"\"}]", StandardCharsets.UTF_8);
        CorpusReader.Collected collected = new CorpusReader.Collected();

        new CorpusReader().read(json, collected);

        assertThat(collected.articles()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(CorpusReader.idForUrl("http://x/1"));
            assertThat(a.source()).isEmpty();
            assertThat(a.title()).isEmpty();
            assertThat(a.body()).isEqualTo("last");
            assertThat(a.publishedAt()).isNull();
            assertThat(a.fetchedAt()).isEqualTo(Instant.EPOCH);
        });
        assertThat(collected.rejected()).containsExactly("day.json#1: missing \"url\"");
    }

    @Test
    void endsTheReadingWhenTheSinkThrowsInsteadOfRejectingTheRecord() throws IOException {
        Path json = dir.resolve("day.json");
        Files.writeString(json, "[{\"url\":\"http://x/1\"},{\"url\":\"http://x/2\"}]", StandardCharsets.UTF_8);
        List<String> rejected = new ArrayList<>();
        CorpusReader.Sink sink = new CorpusReader.Sink() {
            @Override
            public void article(Article article) {
                throw new IllegalStateException("the sink gives up");
            }

            @Override
            public void rejected(String where, String reason) {
                rejected.add(where);
            }
        };

        assertThatThrownBy(() -> new CorpusReader().read(json, sink)).hasMessage("the sink gives up");
        assertThat(rejected).isEmpty();
    }

    @Test
    void readsJsonLinesAndReportsBadLinesWithTheirNumbers() throws IOException {
        Path file = dir.resolve("articles.jsonl");
        Files.writeString(file, "{\"id\":\"a1\",\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"2024-08-18T07:56:00+03:00\"}\n"
                + "not json\n\n{\"title\":\"no id\"}\n[1]\n", StandardCharsets.UTF_8);
        CorpusReader.Collected collected = new CorpusReader.Collected();

        new CorpusReader().read(file, collected);

        assertThat(collected.articles()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("a1");
            assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-08-18T04:56:00Z"));
        });
        assertThat(collected.rejected()).hasSize(3)
                .anySatisfy(r -> assertThat(r).startsWith("articles.jsonl:2: Unrecognized token 'not'"))
                .anySatisfy(r -> assertThat(r).isEqualTo("articles.jsonl:4: missing \"id\""))
                .anySatisfy(r -> assertThat(r).isEqualTo("articles.jsonl:5: not a JSON object"));
    }

    @Test
    void listsOnlyArchivesOfADirectoryInNameOrder() throws IOException {
        for (String name : new String[] {"b.zip", "a.jsonl", "notes.txt"}) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                out.write(new byte[0]);
            }
        }

        assertThat(CorpusReader.files(dir)).extracting(p -> p.getFileName().toString()).containsExactly("a.jsonl", "b.zip");
    }
}
