package org.raqib.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.raqib.core.corpus.CorpusReader;
import org.raqib.core.model.Article;
import org.raqib.core.model.FeedDefinition;
import org.raqib.ingest.simulate.FeedSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code raqib simulate-feeds}: serves a corpus as several outlets' live feeds on 127.0.0.1. */
@Command(name = "simulate-feeds", mixinStandardHelpOptions = true,
        description = {"Serves a corpus (SaudiNewsNet zips, JSON arrays or JSONL) as several outlets' RSS and Atom feeds"
                + " on 127.0.0.1, with new items appearing over time: one outlet in windows-1256, one with summaries"
                + " only and article pages in a news-site template, ETag/304 on every feed. Runs until interrupted."})
public final class SimulateFeedsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Corpus file or directory.")
    Path corpus;

    @Option(names = "--port", defaultValue = "8090", paramLabel = "P", description = "Port on 127.0.0.1 and on each outlet's own loopback address (127.0.0.2, 127.0.0.3, ...); 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--rate", defaultValue = "30", paramLabel = "N", description = "New items per minute across all outlets (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--per-source", defaultValue = "500", paramLabel = "N", description = "Articles kept per outlet (default: ${DEFAULT-VALUE}).")
    int perSource;

    @Option(names = "--feeds-file", paramLabel = "FILE", description = "Also write the feeds as a YAML file for 'raqib feeds push'.")
    Path feedsFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (rate < 0 || perSource < 1 || port < 0 || port > 65535) {
            err.println("error: --rate must be zero or more, --per-source at least 1 and --port 0 to 65535");
            return 2;
        }
        List<Article> articles = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        int[] rejected = {0};
        try {
            new CorpusReader().readAll(corpus, new CorpusReader.Sink() {
                @Override
                public void article(Article article) {
                    if (counts.merge(article.source(), 1, Integer::sum) <= perSource) {
                        articles.add(article);
                    }
                }

                @Override
                public void rejected(String where, String reason) {
                    rejected[0]++;
                }
            });
        } catch (IOException e) {
            err.println("error: cannot read corpus " + corpus + ": " + e.getMessage());
            return 1;
        }
        if (articles.isEmpty()) {
            err.println("error: no articles in " + corpus + "; give a SaudiNewsNet zip, a JSON array or a JSONL file");
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (FeedSimulator simulator = new FeedSimulator(articles, port, rate, Clock.systemUTC(), 8)) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "simulating %d outlets from %d articles (%d records skipped) at %s, %.1f new items/min%n",
                    simulator.sources().size(), articles.size(), rejected[0], simulator.baseUrl(), rate);
            for (String source : simulator.sources()) {
                out.printf(Locale.ROOT, "  %-16s %-18s %s%n", source, simulator.format(source), simulator.feedUrl(source));
            }
            if (feedsFile != null) {
                Files.writeString(feedsFile, yaml(simulator.feeds()), StandardCharsets.UTF_8);
                out.println("feeds written to " + feedsFile + " (push them with: raqib feeds push " + feedsFile + ")");
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "raqib-simulate-feeds-stop"));
            stop.await();
        }
        return 0;
    }

    private static String yaml(List<FeedDefinition> feeds) {
        StringBuilder out = new StringBuilder("# Feeds of 'raqib simulate-feeds' (loopback, so allowPrivate).\nfeeds:\n");
        for (FeedDefinition f : feeds) {
            out.append("  - id: ").append(f.id()).append('\n')
                    .append("    url: ").append(f.url()).append('\n')
                    .append("    source: ").append(f.source()).append('\n')
                    .append("    minInterval: ").append(f.minInterval().toSeconds()).append("s\n")
                    .append("    maxInterval: ").append(f.maxInterval().toSeconds()).append("s\n")
                    .append("    fullText: ").append(f.fullText()).append('\n')
                    .append("    allowPrivate: true\n");
        }
        return out.toString();
    }
}
