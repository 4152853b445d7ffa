package org.raqib.streams.backtest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Rule;

/**
 * "Try it" for a rule being edited: the backtest engine over the newest articles of the last days of
 * {@code raqib.articles}, with the rule of the same id now live as the baseline, so an analyst sees what a change
 * would add and lose before saving it. Like any backtest it writes nothing to Kafka and joins no consumer group.
 *
 * <p>A trial is bounded twice, because it runs inside a live service: by {@link #MAX_DAYS} and by an article
 * limit (the newest articles of the range are read first), and only one trial runs at a time per process.
 */
public final class RuleTrial {

    /** The longest range a trial may cover. */
    public static final int MAX_DAYS = 30;

    /** Articles read at most when the caller does not say. */
    public static final long DEFAULT_ARTICLE_LIMIT = 20_000;

    /**
     * What a trial gives back.
     *
     * @param days the days tried, counted back from now
     * @param articleLimit the most articles read; when {@code report.articles()} comes close to it, older articles of
     *     the range were left out
     * @param report the backtest report of the candidate against the live rule of the same id (baseline
     *     {@code "current"}), or against nothing (baseline {@code "none"}) for a new rule
     */
    public record Result(int days, long articleLimit, BacktestReport report) {}

    private final Supplier<BacktestEngine> engines;
    private BacktestEngine engine;
    private final Map<String, Object> clientProperties;
    private final Clock clock;
    private final long articleLimit;
    private final Semaphore oneAtATime = new Semaphore(1);

    /**
     * @param engine makes the backtest engine (the live topology's recognition and settings); called at the first
     *     trial, so that a service nobody tries rules on never loads the gazetteer for it
     * @param clientProperties base client properties for reading {@code raqib.articles}
     * @param clock gives "now", the end of the tried range
     * @param articleLimit the most articles one trial reads
     */
    public RuleTrial(Supplier<BacktestEngine> engine, Map<String, Object> clientProperties, Clock clock, long articleLimit) {
        if (articleLimit < 1) {
            throw new IllegalArgumentException("articleLimit must be at least 1, got " + articleLimit);
        }
        this.engines = Objects.requireNonNull(engine, "engine");
        this.clientProperties = Map.copyOf(clientProperties);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.articleLimit = articleLimit;
    }

    /**
     * Runs {@code candidate} over the last {@code days} days.
     *
     * @param live the rule with the candidate's id as it is live now, if there is one
     * @return the result, or empty when another trial is running (the caller should ask again in a few seconds)
     * @throws IllegalArgumentException when {@code days} is not between 1 and {@value #MAX_DAYS}
     * @throws IOException when the backtest's scratch state cannot be written
     */
    public Optional<Result> run(Rule candidate, Optional<Rule> live, int days) throws IOException {
        Objects.requireNonNull(candidate, "candidate");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        if (!oneAtATime.tryAcquire()) {
            return Optional.empty();
        }
        try {
            // Whole milliseconds, as record timestamps are; the report's range then reads back exactly.
            Instant to = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
            Instant from = to.minus(Duration.ofDays(days));
            ArticleSource recent = new ArticleRange(clientProperties, Topics.ARTICLES.name(), from, to, articleLimit);
            List<List<Rule>> ruleSets = new ArrayList<>();
            ruleSets.add(List.of(candidate));
            live.ifPresent(rule -> ruleSets.add(List.of(rule)));
            if (engine == null) {
                engine = engines.get();
            }
            List<BacktestRun> runs = engine.run(recent, ruleSets, Progress.NONE);
            BacktestReport report = BacktestReports.of(Optional.of(from), Optional.of(to), runs.get(0),
                    live.isPresent() ? Optional.of(runs.get(1)) : Optional.empty(), live.isPresent() ? "current" : "none");
            return Optional.of(new Result(days, articleLimit, report));
        } finally {
            oneAtATime.release();
        }
    }
}
