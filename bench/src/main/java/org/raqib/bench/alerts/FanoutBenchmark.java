package org.raqib.bench.alerts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;
import java.util.stream.Collectors;
import org.raqib.alerts.fanout.AlertFanout;
import org.raqib.alerts.fanout.AlertValues;
import org.raqib.alerts.subscriptions.SubscriptionIndex;
import org.raqib.core.kafka.Topics;
import org.raqib.core.model.Alert;
import org.raqib.core.model.Match;
import org.raqib.core.model.Subscription;

/**
 * How many matches per second the alert fan-out turns into alerts, and how many alerts per second that is, with many
 * subscriptions: the fan-out's per-match work — choosing the subscriptions that want the match and building their
 * {@link Alert}s, optionally also writing each alert's record value as the fan-out does before producing it (now
 * with {@link AlertValues}, the match's JSON once per match; or as before, each alert through the serde) — on one
 * thread, without Kafka.
 *
 * <p>Matches are taken in order, round and round, first for the warm-up and then for the measured period. Not
 * thread-safe; one run at a time.
 */
public final class FanoutBenchmark {

    /** How the subscriptions that want a match are found. */
    public enum Selection {
        /**
         * Every subscription checked in id order, from a sorted copy of the registry's map made for each match
         * (what the fan-out did before it had an index).
         */
        LINEAR,
        /**
         * The registry's {@link SubscriptionIndex}, built once: only the subscriptions a match's rules, entities,
         * sides and source point to are checked.
         */
        INDEXED
    }

    /** Whether and how each alert's record value is written. */
    public enum Values {
        /** Not written: selection and alert building only. */
        NONE,
        /** Each alert through the alerts serde, its whole match with it (what the fan-out did before). */
        PER_ALERT,
        /** With {@link AlertValues}: the match's JSON written once per match and copied into each value (now). */
        MATCH_ONCE
    }

    /**
     * What it measured.
     *
     * @param selection how subscriptions were found
     * @param values how each alert's record value was written
     * @param subscriptions how many subscriptions there were
     * @param matches matches fanned out in the measured period
     * @param alerts alerts built from them
     * @param elapsed the measured period
     * @param cpu CPU time of the measuring thread in the measured period (on a shared machine the figure that other
     *     processes do not skew)
     */
    public record Result(Selection selection, Values values, int subscriptions, long matches, long alerts,
            Duration elapsed, Duration cpu) {

        /** Matches fanned out per second. */
        public double matchesPerSecond() {
            return matches / seconds();
        }

        /** Alerts built per second. */
        public double alertsPerSecond() {
            return alerts / seconds();
        }

        /** Matches fanned out per CPU-second of the measuring thread. */
        public double matchesPerCpuSecond() {
            return matches / Math.max(1e-9, cpu.toNanos() / 1e9);
        }

        /** Alerts built per CPU-second of the measuring thread. */
        public double alertsPerCpuSecond() {
            return alerts / Math.max(1e-9, cpu.toNanos() / 1e9);
        }

        private double seconds() {
            return Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private final List<Subscription> subscriptions;
    private final List<Match> matches;
    private final Clock clock;

    /** A benchmark fanning {@code matches} out to {@code subscriptions}. */
    public FanoutBenchmark(List<Subscription> subscriptions, List<Match> matches) {
        this.subscriptions = List.copyOf(subscriptions);
        this.matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        if (this.matches.isEmpty()) {
            throw new IllegalArgumentException("matches must not be empty");
        }
        this.clock = Clock.systemUTC();
    }

    /** Fans out for {@code warmup}, then measures for {@code duration}. */
    public Result run(Selection selection, Values values, Duration warmup, Duration duration) {
        Function<Match, List<Alert>> fanout = fanout(selection);
        long[] counts = loop(fanout, values, warmup.toNanos());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        counts = loop(fanout, values, duration.toNanos());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStarted);
        return new Result(selection, values, subscriptions.size(), counts[0], counts[1], elapsed, cpu);
    }

    /** The alerts of one match by {@code selection}, as the fan-out would write them. */
    public List<Alert> alertsFor(Selection selection, Match match) {
        return fanout(selection).apply(match);
    }

    private Function<Match, List<Alert>> fanout(Selection selection) {
        return switch (selection) {
            case LINEAR -> {
                Map<String, Subscription> byId = new ConcurrentHashMap<>(
                        subscriptions.stream().collect(Collectors.toMap(Subscription::id, s -> s)));
                yield match -> AlertFanout.alertsFor(match,
                        byId.values().stream().sorted(Comparator.comparing(Subscription::id)).toList(), true, clock);
            }
            case INDEXED -> {
                SubscriptionIndex index = SubscriptionIndex.of(subscriptions);
                yield match -> AlertFanout.alertsFor(match, index, true, clock);
            }
        };
    }

    /** Returns {matches, alerts} fanned out in {@code nanos}. */
    private long[] loop(Function<Match, List<Alert>> fanout, Values values, long nanos) {
        Serializer<Alert> serde = Topics.ALERTS.valueSerde().serializer();
        long matchCount = 0;
        long alertCount = 0;
        long bytes = 0;
        long deadline = System.nanoTime() + nanos;
        int next = 0;
        do {
            Match match = matches.get(next);
            next = next + 1 == matches.size() ? 0 : next + 1;
            List<Alert> alerts = fanout.apply(match);
            AlertValues once = values == Values.MATCH_ONCE && !alerts.isEmpty() ? new AlertValues(match) : null;
            for (Alert alert : alerts) {
                if (values != Values.NONE) {
                    bytes += alert.id().getBytes(StandardCharsets.UTF_8).length;
                    bytes += once != null ? once.of(alert).length : serde.serialize(Topics.ALERTS.name(), alert).length;
                }
                alertCount++;
            }
            matchCount++;
        } while (System.nanoTime() < deadline);
        // Uses the byte count so the JIT cannot drop the serialisation.
        if (bytes < 0) {
            throw new AssertionError(bytes);
        }
        return new long[] {matchCount, alertCount};
    }
}
