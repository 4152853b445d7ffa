package org.raqib.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.raqib.app.KafkaConnection;
import org.raqib.core.config.RaqibConfig;
import org.raqib.core.kafka.Topic;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.ConsumerLag;
import org.raqib.core.model.FeedState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code raqib status}: the pipeline's health in the terminal for people without Grafana — feeds fresh or stale
 * (from {@code raqib.feed-state}), the lag of Raqib's consumer groups, matches and alerts of the last hour, and
 * dead letters. Exit 0 when everything is fresh and nothing reached the DLQ recently, 1 when something needs a
 * look, 2 for user errors; Kafka not answering is one {@code error:} line and exit 1.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Summarises feeds (fresh/stale), consumer lag, recent matches and alerts, and the DLQ.",
                "Exit 0 when all is well, 1 when a feed is stale or failing or dead letters arrived recently.",
                "Without --bootstrap-servers it asks the embedded broker of a running 'raqib run' or 'raqib demo'."})
public final class StatusCommand implements Callable<Integer> {

    private static final long TIMEOUT_MS = 15_000;

    @Mixin
    CommonOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "A feed whose newest item is older than this is stale (ISO-8601, default: PT1H).")
    Duration staleAfter;

    @Option(names = "--recent", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "The window for recent matches, alerts and dead letters (ISO-8601, default: PT1H).")
    Duration recent;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        if (staleAfter.isNegative() || recent.isNegative() || recent.isZero()) {
            throw new IllegalArgumentException("--stale-after and --recent must be positive durations, e.g. PT1H");
        }
        RaqibConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConnection connection = KafkaConnection.open(config, KafkaConnection.WhenUnconfigured.USE_LOCAL_EMBEDDED);
                Admin admin = connection.admin()) {
            Instant now = clock.instant();
            boolean attention = feeds(out, feedStates(connection), now);
            out.println();
            out.printf(Locale.ROOT, "%-28s %-26s %12s%n", "CONSUMER GROUP", "TOPIC", "LAG");
            List<ConsumerLag.Entry> lag = new ConsumerLag(admin, TIMEOUT_MS).read(ConsumerLag.groupsOf(config));
            lag.forEach(e -> out.printf(Locale.ROOT, "%-28s %-26s %12d%n", e.group(), e.topic(), e.lag()));
            if (lag.isEmpty()) {
                out.println("(no committed offsets yet)");
            }
            out.println();
            out.printf(Locale.ROOT, "%-22s %12s %14s%n", "TOPIC", "TOTAL", "LAST " + recent.toString().substring(2));
            for (Topic<?, ?> topic : List.of(Topics.ARTICLES, Topics.MATCHES, Topics.ALERTS, Topics.DLQ)) {
                long[] counts = counts(admin, topic.name(), now.minus(recent));
                out.printf(Locale.ROOT, "%-22s %12d %14d%n", topic.name(), counts[0], counts[1]);
                attention |= topic == Topics.DLQ && counts[1] > 0;
            }
            return attention ? 1 : 0;
        } catch (KafkaException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Prints one line per feed; true when a feed is stale or failing. */
    private boolean feeds(PrintWriter out, Map<String, FeedState> states, Instant now) {
        out.printf(Locale.ROOT, "%-28s %-8s %-22s %s%n", "FEED", "STATUS", "NEWEST ITEM", "FAILURES");
        boolean attention = false;
        int fresh = 0;
        for (FeedState state : states.values()) {
            boolean stale = state.newestItemAt() == null
                    || state.newestItemAt().isBefore(now.minus(staleAfter));
            String status = state.consecutiveFailures() > 0 ? "failing" : stale ? "stale" : "fresh";
            attention |= !status.equals("fresh");
            fresh += status.equals("fresh") ? 1 : 0;
            out.printf(Locale.ROOT, "%-28s %-8s %-22s %d%n", state.feedId(), status,
                    state.newestItemAt() == null ? "never" : age(Duration.between(state.newestItemAt(), now)) + " ago",
                    state.consecutiveFailures());
        }
        out.printf(Locale.ROOT, "%d of %d feeds fresh%n", fresh, states.size());
        return attention;
    }

    private static String age(Duration age) {
        if (age.isNegative()) {
            return "0m";
        }
        return age.toHours() > 0 ? age.toHours() + "h" + age.toMinutesPart() + "m" : age.toMinutes() + "m";
    }

    /** The latest state of every feed: {@code raqib.feed-state} read from the beginning to its end offsets. */
    private static Map<String, FeedState> feedStates(KafkaConnection connection) {
        Map<String, Object> props = connection.clients().properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        Map<String, FeedState> states = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.FEED_STATE.name(), Duration.ofMillis(TIMEOUT_MS))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("cannot read " + Topics.FEED_STATE.name() + " to its end within "
                            + TIMEOUT_MS + " ms; check that the brokers are healthy");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = record.key() == null ? null
                            : Topics.FEED_STATE.keySerde().deserializer().deserialize(record.topic(), record.key());
                    if (key == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        states.remove(key);
                        continue;
                    }
                    try {
                        states.put(key, Topics.FEED_STATE.valueSerde().deserializer()
                                .deserialize(record.topic(), record.value()));
                    } catch (RuntimeException e) {
                        // A record from another version must not hide every other feed's state.
                        states.remove(key);
                    }
                }
            }
        }
        return states;
    }

    /** Records in {@code topic} in total (sum of end offsets) and since {@code since}. */
    private static long[] counts(Admin admin, String topic, Instant since) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> atTime = new HashMap<>();
            description.partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
                atTime.put(tp, OffsetSpec.forTimestamp(since.toEpochMilli()));
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(admin, latest);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = offsets(admin, earliest);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> times = offsets(admin, atTime);
            long total = 0;
            long recent = 0;
            for (TopicPartition tp : latest.keySet()) {
                long end = ends.get(tp).offset();
                total += end - starts.get(tp).offset();
                long first = times.get(tp).offset();
                recent += first < 0 ? 0 : end - first;
            }
            return new long[] {total, recent};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot read the offsets of " + topic + " (" + e.getMessage()
                    + "); check that Kafka is reachable and 'raqib topics verify' passes", e);
        }
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Admin admin,
            Map<TopicPartition, OffsetSpec> specs) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listOffsets(specs).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
