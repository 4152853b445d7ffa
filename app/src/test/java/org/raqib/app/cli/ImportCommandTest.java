package org.raqib.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.raqib.streams.backtest.ArticleRecordDigests;
import org.raqib.streams.backtest.FileArticles;

/**
 * {@code raqib import}'s cleaning gives the records it gave before the import was made faster, byte for byte (the
 * golden file was written by the import before): backtests compare runs over these records.
 */
class ImportCommandTest {

    /** SHA-256 of the cleaned corpus's records (key, NUL, value, NUL, timestamp, newline), before the faster import. */
    private static final String CORPUS_DIGEST = "e094f6ef690fef1be3e33d9685eb097d2762ee80056bcbaa26e23c67479f2b37";

    @Test
    void cleansTheSampleArchiveIntoTheRecordsOfTheGoldenFileByteForByte() throws Exception {
        FileArticles files = new FileArticles(List.of(resource("saudinewsnet-sample.json")),
                ImportCommand.INGEST_CLEANING);
        byte[] actual = ArticleRecordDigests.goldenLines(files);

        byte[] golden = Files.readAllBytes(resource("saudinewsnet-sample.cleaned-records.tsv"));
        assertThat(actual).as(new String(actual, StandardCharsets.UTF_8)).isEqualTo(golden);
    }

    @Test
    void cleansTheSaudiNewsNetCorpusIntoTheRecordsItGaveBeforeTheFasterImport() throws Exception {
        Path corpus = Path.of(System.getProperty("raqib.shared", "../shared"), "corpus", "saudinewsnet");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "the SaudiNewsNet corpus is not at " + corpus);
        FileArticles files = new FileArticles(List.of(corpus), ImportCommand.INGEST_CLEANING);

        assertThat(ArticleRecordDigests.sha256(files)).isEqualTo(CORPUS_DIGEST);
        assertThat(files.rejected()).isEmpty();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ImportCommandTest.class.getResource("/fixtures/import/" + name).toURI());
    }
}
