package org.raqib.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The records an import writes, byte for byte: backtests compare runs over them, so a faster import must not change
 * a single byte. The golden file and the corpus digest were taken from the import before it was made faster.
 */
class FileArticlesTest {

    /** SHA-256 of {@link #digestOf} over the SaudiNewsNet corpus without cleaning, before the faster import. */
    private static final String CORPUS_DIGEST = "4786a298ebf1a6936d82eeea6677965d502c601c2e932cfe594ed20c540213bb";

    @Test
    void givesTheSampleArchiveTheRecordsOfTheGoldenFileByteForByte() throws Exception {
        FileArticles files = new FileArticles(List.of(resource("saudinewsnet-sample.json")), ArticleCleaning.NONE);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();

        files.forEach(r -> writeLine(actual, r));
        for (String rejected : files.rejected()) {
            actual.writeBytes(("rejected\t" + rejected + "\n").getBytes(StandardCharsets.UTF_8));
        }

        byte[] golden = Files.readAllBytes(resource("saudinewsnet-sample.records.tsv"));
        assertThat(actual.toByteArray()).as(actual.toString(StandardCharsets.UTF_8)).isEqualTo(golden);
    }

    @Test
    void givesTheSaudiNewsNetCorpusTheRecordsItGaveBeforeTheFasterImport() throws Exception {
        Path corpus = Path.of(System.getProperty("raqib.shared", "../shared"), "corpus", "saudinewsnet");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "the SaudiNewsNet corpus is not at " + corpus);
        FileArticles files = new FileArticles(List.of(corpus), ArticleCleaning.NONE);

        assertThat(digestOf(files)).isEqualTo(CORPUS_DIGEST);
        assertThat(files.rejected()).isEmpty();
    }

    /** SHA-256 over every record as key, NUL, value, NUL, timestamp, newline. */
    static String digestOf(ArticleSource source) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        source.forEach(r -> {
            digest.update(r.key().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(r.value());
            digest.update((byte) 0);
            digest.update(r.timestamp().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One record as key, tab, timestamp, tab, the value's bytes, newline. */
    static void writeLine(ByteArrayOutputStream out, ArticleRecord record) {
        out.writeBytes((record.key() + "\t" + record.timestamp() + "\t").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(record.value());
        out.write('\n');
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(FileArticlesTest.class.getResource("/fixtures/import/" + name).toURI());
    }
}
