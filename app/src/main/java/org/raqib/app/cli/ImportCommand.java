package org.raqib.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.corpus.EncodedText;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Article;
import org.raqib.ingest.parse.TextCleaner;
import org.raqib.streams.backtest.ArticleCleaning;
import org.raqib.streams.backtest.ArticleImporter;
import org.raqib.streams.backtest.ImportSummary;
import org.raqib.streams.backtest.Progress;
import org.raqib.streams.backtest.TerminalProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code raqib import --format saudinewsnet|jsonl PATH...}: historical articles into {@code raqib.articles}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Loads historical articles into raqib.articles, keyed by article id, timestamped with their"
                + " publication time, cleaned like live ingest. Importing the same archive twice adds nothing.",
                "Without --bootstrap-servers it writes to the embedded broker of a running 'raqib run'.",
                "Exit codes: 0 imported (some records may be rejected, see the summary), 2 bad arguments, 1 Kafka failed."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "saudinewsnet|jsonl",
            description = "saudinewsnet: the archive's .zip or .json files; jsonl: one JSON article per line.")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Archive files or directories of them.")
    List<Path> paths;

    enum Format { saudinewsnet, jsonl }

    /** Live ingest's cleaning of titles and text; bodies of archives are plain text unless they contain markup. */
    static final ArticleCleaning INGEST_CLEANING = new ArticleCleaning() {
        @Override
        public Article clean(Article a) {
            return new Article(a.id(), a.feedId(), a.source(), a.url(), TextCleaner.clean(a.title()),
                    TextCleaner.clean(a.summary()),
                    a.body().indexOf('<') >= 0 ? TextCleaner.paragraphs(a.body()) : a.body(), a.lang(),
                    a.publishedAt(), a.fetchedAt());
        }

        @Override
        public boolean keepsBody(EncodedText body) {
            return !body.contains('<');
        }
    };

    /**
     * Imported history is older than any time-based retention, and the broker deletes a segment whose newest record
     * is past retention within minutes; so say so before importing into a topic that has a retention.
     */
    private static java.util.Optional<String> retentionWarning(KafkaConnection connection) {
        try (org.apache.kafka.clients.admin.Admin admin = connection.admin()) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.ARTICLES.name());
            var entry = admin.describeConfigs(List.of(resource)).all().get(30, java.util.concurrent.TimeUnit.SECONDS)
                    .get(resource).get("retention.ms");
            if (entry == null || entry.value() == null || Long.parseLong(entry.value()) < 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Topics.ARTICLES.name() + " has retention.ms=" + entry.value()
                    + ": the broker will delete imported articles older than that within minutes; keep history with"
                    + " kafka-configs --bootstrap-server HOST:PORT --alter --entity-type topics --entity-name "
                    + Topics.ARTICLES.name() + " --add-config retention.ms=-1");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return java.util.Optional.of("cannot read the retention of " + Topics.ARTICLES.name() + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        try {
            for (Path path : paths) {
                for (Path file : CorpusReader.files(path)) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    boolean jsonl = name.endsWith(".jsonl");
                    if (jsonl != (format == Format.jsonl)) {
                        err.println("error: " + file + " is not a " + format + " file; use --format "
                                + (jsonl ? "jsonl" : "saudinewsnet"));
                        return 2;
                    }
                    files.add(file);
                }
            }
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (files.isEmpty()) {
            err.println("error: no .zip, .json or .jsonl archive under " + paths);
            return 2;
        }
        RaqibConfig config = options.load();
        Progress progress = System.console() != null ? new TerminalProgress(err, "importing") : Progress.NONE;
        long started = System.nanoTime();
        try (KafkaConnection connection = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED)
                .ensureTopics(List.of())) {
            retentionWarning(connection).ifPresent(w -> err.println("warning: " + w));
            ImportSummary summary = new ArticleImporter(connection.clients().properties(), Topics.ARTICLES.name(),
                    INGEST_CLEANING).importFiles(files, progress);
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            out.printf(Locale.ROOT, "imported %d, skipped as duplicates %d, rejected %d in %.1f s (%.0f articles/s)%n",
                    summary.imported(), summary.duplicates(), summary.rejected().size(), seconds,
                    (summary.imported() + summary.duplicates()) / seconds);
            summary.rejected().stream().limit(20).forEach(r -> out.println("rejected " + r));
            if (summary.rejected().size() > 20) {
                out.println("... and " + (summary.rejected().size() - 20) + " more rejected");
            }
            return 0;
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
