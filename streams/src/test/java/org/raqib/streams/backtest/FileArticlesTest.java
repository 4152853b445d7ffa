package org.raqib.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.raqib.streams.backtest.ArticleRecordDigests.goldenLines;
import static org.raqib.streams.backtest.ArticleRecordDigests.sha256;
import static org.raqib.streams.backtest.ArticleRecordDigests.writeLine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.json.Json;
import org.raqib.core.model.Article;

/**
 * The records an import writes, byte for byte: backtests compare runs over them, so a faster import must not change
 * a single byte. The golden file and the corpus digest were taken from the import before it was made faster.
 */
class FileArticlesTest {

    @TempDir
    Path dir;

    /** SHA-256 of {@link #digestOf} over the SaudiNewsNet corpus without cleaning, before the faster import. */
    private static final String CORPUS_DIGEST = "4786a298ebf1a6936d82eeea6677965d502c601c2e932cfe594ed20c540213bb";

    @Test
    void givesTheSampleArchiveTheRecordsOfTheGoldenFileByteForByte() throws Exception {
        FileArticles files = new FileArticles(List.of(resource("saudinewsnet-sample.json")), ArticleCleaning.NONE);
        byte[] actual = goldenLines(files);

        byte[] golden = Files.readAllBytes(resource("saudinewsnet-sample.records.tsv"));
        assertThat(actual).as(new String(actual, StandardCharsets.UTF_8)).isEqualTo(golden);
    }

    @Test
    void givesTheSaudiNewsNetCorpusTheRecordsItGaveBeforeTheFasterImportOnOneThreadOrSeveral() throws Exception {
        Path corpus = Path.of(System.getProperty("raqib.shared", "../shared"), "corpus", "saudinewsnet");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "the SaudiNewsNet corpus is not at " + corpus);
        FileArticles files = new FileArticles(List.of(corpus), ArticleCleaning.NONE);
        FileArticles inParallel = new FileArticles(List.of(corpus), ArticleCleaning.NONE);

        assertThat(sha256(files)).isEqualTo(CORPUS_DIGEST);
        assertThat(sha256(each -> inParallel.forEach(3, id -> false, (records, skipped) -> records.forEach(each))))
                .isEqualTo(CORPUS_DIGEST);
        assertThat(files.rejected()).isEmpty();
        assertThat(inParallel.rejected()).isEmpty();
    }

    @Test
    void handsOverTheRecordsAndRejectionsOfSeveralThreadsInTheOrderOfOne() throws Exception {
        List<Path> archive = Fixture.saudiNewsNetFiles(dir);
        FileArticles oneThread = new FileArticles(archive, ArticleCleaning.NONE);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        oneThread.forEach(r -> writeLine(expected, r));

        for (int threads : new int[] {1, 2, 3, 8}) {
            FileArticles files = new FileArticles(archive, ArticleCleaning.NONE);
            ByteArrayOutputStream actual = new ByteArrayOutputStream();

            files.forEach(threads, id -> false, (records, skipped) -> records.forEach(r -> writeLine(actual, r)));

            assertThat(actual.toByteArray()).as("%d threads", threads).isEqualTo(expected.toByteArray());
            assertThat(files.rejected()).as("%d threads", threads).isEqualTo(oneThread.rejected()).hasSize(5);
        }
    }

    @Test
    void countsSkippedIdsWithoutCleaningThem() throws Exception {
        List<Path> archive = List.of(resource("saudinewsnet-sample.json"));
        Set<String> skip = Set.of("snn-a02b002882c5c95f", "snn-a5a332f1607e3755");
        List<String> cleaned = Collections.synchronizedList(new ArrayList<>());
        FileArticles files = new FileArticles(archive, article -> {
            cleaned.add(article.id());
            return article;
        });
        List<String> keys = new ArrayList<>();
        int[] skipped = {0};

        files.forEach(2, skip::contains, (records, n) -> {
            records.forEach(r -> keys.add(r.key()));
            skipped[0] += n;
        });

        assertThat(skipped[0]).isEqualTo(3);
        assertThat(keys).containsExactly("snn-cc1f832167468fb8", "snn-97d54fb98250be44", "snn-1961a5b9ca713e7b",
                "snn-cefac6202079031c");
        assertThat(cleaned).doesNotContainAnyElementsOf(skip);
    }

    @Test
    void endsWithTheFailureOfAFileAfterHandingOverTheFilesBeforeIt() throws Exception {
        Path good = Files.copy(resource("saudinewsnet-sample.json"), dir.resolve("a.json"));
        Path broken = Files.writeString(dir.resolve("b.zip"), "not a zip archive");
        Path after = Files.copy(good, dir.resolve("c.json"));
        FileArticles files = new FileArticles(List.of(good, broken, after), ArticleCleaning.NONE);
        List<String> keys = new ArrayList<>();

        assertThatThrownBy(() -> files.forEach(2, id -> false, (records, n) -> records.forEach(r -> keys.add(r.key()))))
                .isInstanceOf(IOException.class);

        assertThat(keys).hasSize(7);
    }

    @Test
    void stopsReadingWhenTheReceiverThrows() throws Exception {
        FileArticles files = new FileArticles(Fixture.saudiNewsNetFiles(dir), ArticleCleaning.NONE);

        assertThatThrownBy(() -> files.forEach(2, id -> false, (records, n) -> {
            throw new IllegalStateException("the receiver gives up");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the receiver gives up");
    }

    @Test
    void writesTheRecordsJacksonsDecodingGivesForBodiesOfEverySpelling() throws Exception {
        // Spellings the project's writer uses and ones it does not (lower-case hex, escaped slash and Arabic, raw and
        // escaped characters above U+FFFF), whitespace that strip removes and look-alikes it keeps, markup.
        String[] pieces = {"ب", "ليبيا", " ", "  ", "\\n", "\\t", "\\r", "\\f", "\\b", "\\\"", "\\\\", "\\/",
            "\\u001a", "\\u001A", "\\u000B", "\\u001C", "\\u001f", "\\u0627", "\\ud83d\\ude00", "😀", "\u3000",
            "\u2028", "\u00a0", "\u0085", "\u1680", "\u200b", "<", "&amp;", "a", "n", "\\\\n", "u001C", "\u007f"};
        Random random = new Random(42);
        StringBuilder plain = new StringBuilder("[");
        StringBuilder irregular = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            String object = (i == 0 ? "" : ",\n") + "{\"url\": \"http://x/" + i + "\", \"title\": \""
                    + pieces[random.nextInt(pieces.length)] + "\", \"content\": \"" + body + "\"}";
            plain.append(object);
            irregular.append(object);
            if (i == 1500) {
                // From here on Jackson reads the second file: a number for a title is not plain.
                irregular.append(",\n{\"url\": \"http://y/\", \"title\": 7, \"content\": \" x \"}");
            }
        }
        Path first = Files.writeString(dir.resolve("a.json"), plain + "]", StandardCharsets.UTF_8);
        Path second = Files.writeString(dir.resolve("b.json"), irregular + "]", StandardCharsets.UTF_8);

        for (Path file : List.of(first, second)) {
            List<ArticleRecord> expected = new ArrayList<>();
            for (JsonNode node : Json.mapper().readTree(file.toFile())) {
                String url = node.path("url").asText();
                expected.add(FileArticles.record(new Article(CorpusReader.idForUrl(url), "import", "", url,
                        node.path("title").asText().strip(), "", node.path("content").asText().strip(), "ar", null,
                        Instant.EPOCH)));
            }
            for (ArticleCleaning cleaning : List.of(ArticleCleaning.NONE, article -> article)) {
                List<ArticleRecord> actual = new ArrayList<>();
                new FileArticles(List.of(file), cleaning).forEach(actual::add);

                assertThat(actual).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(new String(actual.get(i).value(), StandardCharsets.UTF_8)).as("%s #%d", file, i)
                            .isEqualTo(new String(expected.get(i).value(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void failsWithJacksonsErrorWhenAFileBreaksAfterArticlesItHandedOver() throws Exception {
        String json = "[{\"url\": \"http://x/1\", \"content\": \"a\"},\n{\"url\": \"http://x/2\" \"content\": \"b\"}]";
        Path file = Files.writeString(dir.resolve("broken.json"), json, StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>();

        Throwable jackson = catchThrowable(() -> Json.mapper().readTree(json.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new FileArticles(List.of(file), ArticleCleaning.NONE).forEach(r -> keys.add(r.key())))
                .isInstanceOf(IOException.class).hasMessage(jackson.getMessage());
        assertThat(keys).containsExactly(CorpusReader.idForUrl("http://x/1"));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(FileArticlesTest.class.getResource("/fixtures/import/" + name).toURI());
    }
}
