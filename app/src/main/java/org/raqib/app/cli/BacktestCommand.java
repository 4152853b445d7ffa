package org.raqib.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.raqib.app.KafkaConnection;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Rule;
import org.raqib.streams.backtest.ArticleRange;
import org.raqib.streams.backtest.ArticleSource;
import org.raqib.streams.backtest.BacktestEngine;
import org.raqib.streams.backtest.BacktestReport;
import org.raqib.streams.backtest.BacktestReports;
import org.raqib.streams.backtest.BacktestRun;
import org.raqib.streams.backtest.FileArticles;
import org.raqib.streams.backtest.HtmlReport;
import org.raqib.streams.backtest.Progress;
import org.raqib.streams.backtest.TerminalProgress;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.RuleFiles;
import org.raqib.streams.rules.RuleTopic;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.topology.GazetteerRecognition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code raqib backtest}: what rules would have matched in the past, without touching the live pipeline. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Runs the live topology in process over a time range of raqib.articles (or a file with --input)"
                + " with the rules of --rules, and writes backtest.json and backtest.html to --output.",
                "Nothing is written to Kafka and no consumer group is joined. DATE is yyyy-MM-dd (UTC; --to includes"
                        + " that whole day) or an ISO instant such as 2015-06-01T12:00:00Z (--to exclusive).",
                "Exit codes: 0 done, 2 bad arguments or rules, 1 Kafka or I/O failed."})
public final class BacktestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "PATH", description = "Rule file or directory to try.")
    Path rules;

    @Option(names = "--baseline", paramLabel = "current|PATH",
            description = "Compare with the rules on raqib.rules (current) or with a rule file or directory.")
    String baseline;

    @Option(names = "--from", paramLabel = "DATE", description = "Start of the range (required without --input).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "End of the range (required without --input).")
    String to;

    @Option(names = "--input", paramLabel = "FILE", arity = "1..*",
            description = "Read articles from JSONL or SaudiNewsNet files instead of Kafka.")
    List<Path> input;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "backtest-report",
            description = "Where to write backtest.json and backtest.html (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Instant> start;
        Optional<Instant> end;
        try {
            start = Optional.ofNullable(from).map(f -> instant(f, false));
            end = Optional.ofNullable(to).map(t -> instant(t, true));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (input == null && (start.isEmpty() || end.isEmpty())) {
            err.println("error: give --from and --to (or --input FILE to read a file instead of raqib.articles)");
            return 2;
        }
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            err.println("error: --from " + from + " must be before --to " + to);
            return 2;
        }
        RuleFiles.Loaded candidate = RuleFiles.read(rules);
        if (!candidate.valid()) {
            candidate.problems().forEach(p -> err.println("error: " + p));
            return 2;
        }
        Optional<RuleFiles.Loaded> baselineFile = Optional.empty();
        if (baseline != null && !baseline.equals("current")) {
            RuleFiles.Loaded loaded = RuleFiles.read(Path.of(baseline));
            if (!loaded.valid()) {
                loaded.problems().forEach(p -> err.println("error: baseline: " + p));
                return 2;
            }
            baselineFile = Optional.of(loaded);
        }
        RaqibConfig config = options.load();
        boolean needsKafka = input == null || "current".equals(baseline);
        try (KafkaConnection connection = needsKafka
                ? KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED) : null) {
            List<List<Rule>> ruleSets = new ArrayList<>();
            ruleSets.add(candidate.rules());
            if ("current".equals(baseline)) {
                ruleSets.add(new RuleTopic(connection.clients().properties()).readAll(Duration.ofSeconds(30)));
            } else {
                baselineFile.ifPresent(b -> ruleSets.add(b.rules()));
            }
            ArticleSource source = input != null
                    ? within(new FileArticles(input, ImportCommand.INGEST_CLEANING), start, end)
                    : new ArticleRange(connection.clients().properties(), Topics.ARTICLES.name(), start.get(), end.get());
            TokenAnalysis analysis = TokenAnalysis.standard();
            BacktestEngine engine = new BacktestEngine(GazetteerRecognition.standard(),
                    () -> new RuleBook(analysis, List.of()), config.streams());
            Progress progress = System.console() != null ? new TerminalProgress(err, "backtest") : Progress.NONE;
            long started = System.nanoTime();
            List<BacktestRun> runs = engine.run(source, ruleSets, progress);
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            BacktestReport report = BacktestReports.of(start, end, runs.get(0),
                    runs.size() > 1 ? Optional.of(runs.get(1)) : Optional.empty(), baseline == null ? "none" : baseline);
            Files.createDirectories(output);
            Path json = output.resolve("backtest.json");
            Path html = output.resolve("backtest.html");
            Files.writeString(json, BacktestReports.json(report), StandardCharsets.UTF_8);
            Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
            out.printf(Locale.ROOT, "%d articles, %d matched, %d dead letters, %d rules in %.1f s (%.0f articles/s)%n",
                    report.articles(), report.matchedArticles(), report.deadLetters(), candidate.rules().size(), seconds,
                    report.articles() / seconds);
            if (runs.size() > 1) {
                out.printf(Locale.ROOT, "against the baseline: +%d hits added, -%d hits lost%n", report.diff().added(),
                        report.diff().lost());
            }
            report.rules().stream().filter(BacktestReport.RuleLine::inCandidate).limit(20).forEach(r ->
                    out.printf(Locale.ROOT, "  %-32s %6d hits%n", r.id(), r.hits()));
            out.println("report: " + json + " and " + html);
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Records of {@code source} whose timestamp lies in the range, when one is given. */
    private static ArticleSource within(ArticleSource source, Optional<Instant> start, Optional<Instant> end) {
        return each -> source.forEach(r -> {
            if (start.map(s -> !r.timestamp().isBefore(s)).orElse(true) && end.map(e -> r.timestamp().isBefore(e)).orElse(true)) {
                each.accept(r);
            }
        });
    }

    /** A date (UTC day; as an end, the day is included) or an ISO instant. */
    static Instant instant(String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; write 2015-06-01 or 2015-06-01T12:00:00Z");
        }
    }
}
