package org.raqib.bench.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.config.TopicsSettings;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.kafka.TopicAdmin;
import org.raqib.core.kafka.Topics;
import org.raqib.core.metrics.ConsumerLag;
import org.raqib.core.model.Article;
import org.raqib.core.model.Match;
import org.raqib.core.model.Rule;
import org.raqib.streams.rules.DefaultRules;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.SyntheticRules;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.topology.GazetteerRecognition;
import org.raqib.streams.topology.RaqibTopology;
import org.raqib.streams.topology.StreamsService;

/**
 * Measures the whole topology ({@link RaqibTopology} in a real {@link StreamsService}, exactly-once, on a real broker)
 * in two phases:
 * <ol>
 *   <li><b>throughput</b>: a warm-up backlog and then the measured backlog of articles are written to
 *       {@code raqib.articles} first, then the instance starts. The warm-up is processed first and not counted: a
 *       fresh JVM spends its first tens of seconds compiling (on two cores the JIT compiler threads took a third of
 *       the CPU of a cold run), which says nothing about the sustained rate. The clock starts when the application
 *       has committed the warm-up's articles, and the rate is the articles it has yet to process then over the time
 *       until its consumer group has no lag on any of its input topics (the articles and the internal repartition
 *       topics), so every match is written;</li>
 *   <li><b>latency</b>: with the instance caught up, articles are written at a fixed rate; for each article that
 *       matches, the latency is from just before its send to {@code raqib.articles} until a read-committed consumer
 *       of {@code raqib.matches} receives its match. The warm-up's samples are dropped.</li>
 * </ol>
 * Each run uses a fresh application id whose group starts at the current end of {@code raqib.articles}, so earlier
 * records on a shared cluster are not measured, and fresh article ids, so nothing is taken for a repeat. Rules are the
 * default pack topped up with {@link SyntheticRules} to the asked-for number.
 */
public final class PipelineBenchmark {

    /**
     * @param rules rules in the book: the default pack, plus generated rules up to this number
     * @param threads stream threads of the instance
     * @param warmupBacklog articles processed before the throughput phase's clock starts (0: measure from RUNNING,
     *     a cold JVM)
     * @param backlog articles in the throughput phase
     * @param ratePerSecond articles written per second in the latency phase
     * @param warmup how long the latency phase runs before samples count
     * @param measured how long samples count
     * @param commitInterval the instance's {@code streams.commitInterval}
     * @param streamsProperties extra Kafka Streams client properties of the instance (as {@code kafka.properties}
     *     would pass them), for trying client settings such as {@code consumer.fetch.min.bytes}
     */
    public record Options(int rules, int threads, int warmupBacklog, int backlog, int ratePerSecond, Duration warmup,
            Duration measured, Duration commitInterval, Map<String, String> streamsProperties) {

        /** Options without a warm-up backlog or extra client properties. */
        public Options(int rules, int threads, int backlog, int ratePerSecond, Duration warmup, Duration measured,
                Duration commitInterval) {
            this(rules, threads, 0, backlog, ratePerSecond, warmup, measured, commitInterval, Map.of());
        }

        public Options {
            if (rules < 0 || threads < 1 || warmupBacklog < 0 || backlog < 1 || ratePerSecond < 1) {
                throw new IllegalArgumentException(
                        "rules >= 0, threads >= 1, warm-up backlog >= 0, backlog >= 1 and rate >= 1 are needed");
            }
            Objects.requireNonNull(warmup, "warmup");
            Objects.requireNonNull(measured, "measured");
            Objects.requireNonNull(commitInterval, "commitInterval");
            streamsProperties = Map.copyOf(streamsProperties);
        }
    }

    /**
     * The figures of one run.
     *
     * @param rules rules in the book
     * @param threads stream threads
     * @param commitInterval the instance's commit interval
     * @param warmupBacklog articles processed before the throughput phase's clock started
     * @param warmupSeconds from RUNNING until the warm-up's articles were committed (0 without a warm-up)
     * @param backlog articles counted in the throughput phase: those not yet committed when its clock started
     * @param backlogSeconds from the end of the warm-up (or RUNNING) until the group had no lag
     * @param backlogProcessCpuSeconds CPU time of the whole process meanwhile: all its threads, also the JIT
     *     compiler's, the garbage collector's and RocksDB's (negative where the JVM does not say)
     * @param backlogCpuSeconds CPU time this process's Java threads (stream threads, the broker when embedded,
     *     clients) used meanwhile
     * @param backlogStreamCpuSeconds the part of {@code backlogCpuSeconds} the stream threads used: the topology's own
     *     work (decoding, analysis, stores, serdes), without the broker's and the clients' network threads
     * @param backlogMatches matches written for the backlog
     * @param backlogSent records the instance's producers sent in the throughput phase, by topic (internal topics
     *     without the application id): the Kafka work behind each article, whatever the machine's load
     * @param backlogAppended how far the end offsets of the topics the instance writes moved in the throughput
     *     phase, by topic: the records plus the transaction markers (one per partition a transaction wrote to)
     * @param latencySent articles sent while samples counted
     * @param latencyMillis each sampled article's latency, sorted
     */
    public record Result(int rules, int threads, Duration commitInterval, int warmupBacklog, double warmupSeconds,
            int backlog, double backlogSeconds, double backlogProcessCpuSeconds, double backlogCpuSeconds,
            double backlogStreamCpuSeconds, long backlogMatches,
            Map<String, Long> backlogSent, Map<String, Long> backlogAppended, int latencySent, double[] latencyMillis) {

        public Result {
            backlogSent = Map.copyOf(backlogSent);
            backlogAppended = Map.copyOf(backlogAppended);
        }

        /** Articles per second through the whole topology in the throughput phase. */
        public double articlesPerSecond() {
            return backlog / backlogSeconds;
        }

        /**
         * Articles per CPU-second of this process's Java threads in the throughput phase: what the work costs,
         * whatever else the machine was doing (on a shared machine the wall-clock rate depends on the neighbours).
         */
        public double articlesPerCpuSecond() {
            return backlog / backlogCpuSeconds;
        }

        /** Articles per CPU-second of the whole process (also JIT, GC and native threads) in the throughput phase. */
        public double articlesPerProcessCpuSecond() {
            return backlog / backlogProcessCpuSeconds;
        }

        /**
         * Records sent per backlog article to each topic, as {@code topic=N.NN} pairs, then the transaction markers
         * written per article (end offsets moved beyond the records).
         */
        public String sentPerArticle() {
            StringBuilder line = new StringBuilder("records_per_article:");
            new TreeMap<>(backlogSent).forEach((topic, n) -> line.append(String.format(Locale.ROOT, " %s=%.2f",
                    topic, n / (double) backlog)));
            long records = backlogAppended.keySet().stream().mapToLong(t -> backlogSent.getOrDefault(t, 0L)).sum();
            long appended = backlogAppended.values().stream().mapToLong(Long::longValue).sum();
            line.append(String.format(Locale.ROOT, " markers_per_article=%.2f", (appended - records) / (double) backlog));
            return line.toString();
        }

        /** The {@code q} quantile (0..1) of the sampled latencies in milliseconds, NaN without samples. */
        public double latencyQuantile(double q) {
            if (latencyMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(q * latencyMillis.length) - 1;
            return latencyMillis[Math.max(0, Math.min(latencyMillis.length - 1, index))];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "rules=%d threads=%d commit_interval_ms=%d warmup_backlog=%d warmup_s=%.2f"
                            + " backlog=%d backlog_s=%.2f process_cpu_s=%.2f cpu_s=%.2f"
                            + " stream_cpu_s=%.2f matches=%d articles_per_s=%.0f articles_per_process_cpu_s=%.0f"
                            + " articles_per_cpu_s=%.0f articles_per_stream_cpu_s=%.0f latency_sent=%d"
                            + " latency_samples=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                    rules, threads, commitInterval.toMillis(), warmupBacklog, warmupSeconds, backlog, backlogSeconds,
                    backlogProcessCpuSeconds, backlogCpuSeconds, backlogStreamCpuSeconds, backlogMatches,
                    articlesPerSecond(), articlesPerProcessCpuSecond(), articlesPerCpuSecond(),
                    backlog / backlogStreamCpuSeconds, latencySent,
                    latencyMillis.length, latencyQuantile(0.50), latencyQuantile(0.95), latencyQuantile(0.99),
                    latencyQuantile(1.0));
        }
    }

    private final KafkaClients clients;
    private final TopicsSettings topics;
    private final Path stateDir;
    private final List<Article> articles;

    /**
     * @param clients the cluster
     * @param topics how Raqib's topics are created when missing
     * @param stateDir where the instance keeps its state stores (a scratch directory)
     * @param articles the articles sent, cycled as often as needed, each time under a fresh id
     */
    public PipelineBenchmark(KafkaClients clients, TopicsSettings topics, Path stateDir, List<Article> articles) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("the pipeline benchmark needs articles");
        }
        this.articles = List.copyOf(articles);
    }

    /** Runs both phases. */
    public Result run(Options options) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String applicationId = "raqib-bench-" + run;
        try (Admin admin = Admin.create(clients.properties())) {
            new TopicAdmin(admin, topics).ensure(Topics.all());
            startGroupAtEnd(admin, applicationId);
        }
        MatchWatch watch = new MatchWatch(clients);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            Sender sender = new Sender(producer, run);
            for (int i = 0; i < options.warmupBacklog() + options.backlog(); i++) {
                sender.send(null);
            }
            producer.flush();

            List<Rule> rules = new ArrayList<>(DefaultRules.load());
            rules.addAll(SyntheticRules.generate(Math.max(0, options.rules() - rules.size()), 42));
            StreamsSettings settings = new StreamsSettings(applicationId, stateDir.resolve(applicationId).toString(),
                    0, options.threads(), Duration.ofDays(7), Duration.ofDays(3), options.commitInterval());
            RaqibTopology topology = new RaqibTopology(GazetteerRecognition.standard(),
                    new RuleBook(TokenAnalysis.standard(), rules), settings, Clock.systemUTC(),
                    new SimpleMeterRegistry());
            watch.start();
            Map<String, Object> streamsClient = clients.properties();
            streamsClient.putAll(options.streamsProperties());
            try (StreamsService streams = new StreamsService(topology.build(), streamsClient, settings, topics,
                    new SimpleMeterRegistry());
                    Admin admin = Admin.create(clients.properties())) {
                Map<String, Long> endsBefore = endOffsets(admin, applicationId);
                streams.start();
                awaitRunning(streams);
                long running = System.nanoTime();
                ConsumerLag lag = new ConsumerLag(admin, 15_000);
                // Nothing else writes to raqib.articles meanwhile, so its lag is what the application has left.
                int counted = options.warmupBacklog() == 0 ? options.backlog()
                        : (int) awaitArticlesLeft(lag, applicationId, options.backlog(), Duration.ofMinutes(30));
                long warmedUp = options.warmupBacklog() + options.backlog() - counted;
                long start = System.nanoTime();
                double warmupSeconds = (start - running) / 1e9;
                if (counted <= 0) {
                    throw new IllegalStateException("the instance's first commit already covered the whole backlog ("
                            + warmedUp + " articles), so nothing was left to measure; give a larger backlog");
                }
                // Without a warm-up everything the instance has done belongs to the backlog, also what it did before
                // these lines.
                Map<String, Long> sentBefore = Map.of();
                long matchesBefore = 0;
                if (warmedUp > 0) {
                    sentBefore = sentByTopic(streams.streams(), applicationId);
                    endsBefore = endOffsets(admin, applicationId);
                    matchesBefore = watch.received.get();
                }
                long cpuStart = javaThreadsCpuNanos();
                long processCpuStart = processCpuNanos();
                long streamCpuStart = streamThreadsCpuNanos();
                awaitConsumed(admin, applicationId, Duration.ofMinutes(30));
                double backlogSeconds = (System.nanoTime() - start) / 1e9;
                double backlogCpuSeconds = (javaThreadsCpuNanos() - cpuStart) / 1e9;
                double backlogProcessCpuSeconds = (processCpuNanos() - processCpuStart) / 1e9;
                double backlogStreamCpuSeconds = (streamThreadsCpuNanos() - streamCpuStart) / 1e9;
                Map<String, Long> backlogSent = sentByTopic(streams.streams(), applicationId);
                sentBefore.forEach((topic, n) -> backlogSent.merge(topic, -n, Long::sum));
                Map<String, Long> backlogAppended = endOffsets(admin, applicationId);
                endsBefore.forEach((topic, end) -> backlogAppended.merge(topic, -end, Long::sum));
                // Consumed means committed, not yet received by the watching consumer. Matches of the warm-up's last
                // commit that arrive after the clock started are counted too: a commit's worth.
                long backlogMatches = watch.readToEnd(admin, Duration.ofSeconds(30)) - matchesBefore;

                long interval = TimeUnit.SECONDS.toNanos(1) / options.ratePerSecond();
                long phaseStart = System.nanoTime();
                long countFrom = phaseStart + options.warmup().toNanos();
                long end = countFrom + options.measured().toNanos();
                int sent = 0;
                for (long next = phaseStart; next < end; next += interval) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    String id = sender.send(watch.sentAt);
                    if (next >= countFrom) {
                        watch.counted.add(id);
                        sent++;
                    }
                }
                producer.flush();
                awaitConsumed(admin, applicationId, Duration.ofMinutes(2));
                watch.readToEnd(admin, Duration.ofSeconds(30));
                double[] latencies = watch.latencies();
                return new Result(rules.size(), options.threads(), options.commitInterval(), (int) warmedUp,
                        warmupSeconds, counted, backlogSeconds, backlogProcessCpuSeconds, backlogCpuSeconds,
                        backlogStreamCpuSeconds, backlogMatches,
                        backlogSent, backlogAppended, sent, latencies);
            }
        } finally {
            watch.close();
        }
    }

    /**
     * CPU time of this process's live Java threads. Threads that end in between are missed; the ones that do the work
     * (stream threads, the embedded broker's, the clients') live through the measurement.
     */
    private static long javaThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    /**
     * CPU time of the whole process: also the JIT compiler, the garbage collector and native threads (RocksDB's),
     * which {@link #javaThreadsCpuNanos()} does not see. -1 where the JVM does not say.
     */
    private static long processCpuNanos() {
        try {
            // The platform's JMX attribute rather than com.sun.management's interface, which is not on every JVM.
            Object nanos = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "ProcessCpuTime");
            return nanos instanceof Long n ? n : -1;
        } catch (JMException e) {
            return -1;
        }
    }

    /** CPU time of the live stream threads (named {@code <application id>-StreamThread-<n>}). */
    private static long streamThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().matches(".*-StreamThread-\\d+")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** What the instance's producers have sent so far, by topic, from their {@code record-send-total} metrics. */
    private static Map<String, Long> sentByTopic(KafkaStreams streams, String applicationId) {
        Map<String, Long> sent = new HashMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("producer-topic-metrics") && name.name().equals("record-send-total")) {
                String topic = name.tags().get("topic").replace(applicationId + "-", "");
                sent.merge(topic, (long) ((Number) metric.metricValue()).doubleValue(), Long::sum);
            }
        });
        return sent;
    }

    /** End offsets of the topics the instance writes (outputs and internal topics), summed per topic. */
    private static Map<String, Long> endOffsets(Admin admin, String applicationId) throws Exception {
        Set<String> outputs = Set.of(Topics.MATCHES.name(), Topics.TRENDS.name(), Topics.DLQ.name());
        List<String> names = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId + "-") || outputs.contains(t))
                .toList();
        Map<String, Long> ends = new HashMap<>();
        endsOf(admin, partitionsOf(admin, names), IsolationLevel.READ_UNCOMMITTED).forEach((tp, end) ->
                ends.merge(tp.topic().replace(applicationId + "-", ""), end, Long::sum));
        return ends;
    }

    /** Every partition of the topics {@code names}. */
    private static List<TopicPartition> partitionsOf(Admin admin, List<String> names) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(names).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    /**
     * The end offset of each of {@code partitions}: the log's end, or with {@code READ_COMMITTED} the offset before
     * which no transaction is still open.
     */
    private static Map<TopicPartition, Long> endsOf(Admin admin, Collection<TopicPartition> partitions,
            IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = clients.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Each article leaves at once, as a live ingest transaction's would; batching would add to the latency.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, Topics.ARTICLES.keySerde().serializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    /** Commits the current end of {@code raqib.articles} for the new application's group, which Streams starts from. */
    private static void startGroupAtEnd(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        endsOf(admin, partitionsOf(admin, List.of(Topics.ARTICLES.name())), IsolationLevel.READ_UNCOMMITTED)
                .forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }

    /**
     * Waits until the group's committed lag on {@code raqib.articles} is at most {@code left} and returns the lag then
     * (a commit covers many articles, so it may be below {@code left}).
     */
    private static long awaitArticlesLeft(ConsumerLag lag, String group, long left, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long now = lag.read(List.of(group)).stream()
                    .filter(e -> e.topic().equals(Topics.ARTICLES.name()))
                    .mapToLong(ConsumerLag.Entry::lag)
                    .sum();
            if (now <= left) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topology did not get through the warm-up backlog within "
                        + limit + ": " + now + " articles left, " + left + " wanted");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitRunning(StreamsService streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!streams.running()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Streams instance did not reach RUNNING within 2 minutes: "
                        + streams.state());
            }
            Thread.sleep(20);
        }
    }

    /**
     * The partitions the application consumes: {@code raqib.articles} and its repartition topics, which Streams has
     * created by the time the instance is running.
     */
    private static List<TopicPartition> inputPartitions(Admin admin, String applicationId) throws Exception {
        List<String> names = new ArrayList<>(List.of(Topics.ARTICLES.name()));
        admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition"))
                .forEach(names::add);
        return partitionsOf(admin, names);
    }

    /**
     * Waits until the group has committed every partition it consumes up to its end, so every match is written.
     * A partition the group has never committed counts from offset 0: one whose first records have only just arrived
     * is behind, not absent (the per-topic sums of {@link ConsumerLag} leave such a partition out).
     */
    private static void awaitConsumed(Admin admin, String group, Duration limit) throws Exception {
        List<TopicPartition> partitions = inputPartitions(admin, group);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> behind = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
            endsOf(admin, partitions, IsolationLevel.READ_UNCOMMITTED).forEach((tp, end) -> {
                OffsetAndMetadata done = committed.get(tp);
                long left = end - (done == null ? 0 : done.offset());
                if (left > 0) {
                    behind.put(tp, left);
                }
            });
            if (behind.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topology still lags after " + limit + ": " + behind);
            }
            Thread.sleep(50);
        }
    }

    /** Writes the corpus's articles in order, cycling, each under a fresh id. */
    private final class Sender {
        private final KafkaProducer<String, byte[]> producer;
        private final String run;
        private int next;

        Sender(KafkaProducer<String, byte[]> producer, String run) {
            this.producer = producer;
            this.run = run;
        }

        /** Sends the next article and returns its id; notes the send time in {@code sentAt} when given. */
        String send(Map<String, Long> sentAt) {
            Article a = articles.get(next % articles.size());
            String id = "bench-" + run + "-" + next + "-" + a.id();
            next++;
            Article copy = new Article(id, a.feedId(), a.source(), a.url(), a.title(), a.summary(), a.body(), a.lang(),
                    a.publishedAt(), Instant.now());
            byte[] value = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), copy);
            if (sentAt != null) {
                sentAt.put(id, System.nanoTime());
            }
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), id, value));
            return id;
        }
    }

    /** Reads {@code raqib.matches} from its current end, as a subscriber would (read-committed), noting arrivals. */
    private static final class MatchWatch implements AutoCloseable {
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final java.util.Set<String> counted = ConcurrentHashMap.newKeySet();
        final AtomicLong received = new AtomicLong();
        private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        private final KafkaConsumer<String, byte[]> consumer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        MatchWatch(KafkaClients clients) {
            Map<String, Object> props = clients.properties();
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.MATCHES.name(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Fixes the start before any match is written.
            partitions.forEach(tp -> positions.put(tp, consumer.position(tp)));
            thread = new Thread(this::poll, "raqib-bench-match-watch");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void poll() {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    received.incrementAndGet();
                    Match match = Topics.MATCHES.valueSerde().deserializer().deserialize(record.topic(), record.value());
                    Long sent = sentAt.remove(match.articleId());
                    if (sent != null && counted.contains(match.articleId())) {
                        latencies.add((now - sent) / 1e6);
                    }
                }
                positions.replaceAll((tp, at) -> consumer.position(tp));
            }
            consumer.close(Duration.ofSeconds(5));
        }

        /**
         * The matches received once this consumer has read {@code raqib.matches} to its end with no transaction open
         * on it. Counting after a quiet spell instead would miss a match whose commit marker comes late.
         */
        long readToEnd(Admin admin, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                Map<TopicPartition, Long> ends = endsOf(admin, positions.keySet(), IsolationLevel.READ_UNCOMMITTED);
                Map<TopicPartition, Long> stableEnds = endsOf(admin, positions.keySet(), IsolationLevel.READ_COMMITTED);
                // Positions are noted after a poll's records are counted, so reaching the end means all are counted.
                boolean read = ends.entrySet().stream().allMatch(e -> positions.get(e.getKey()) >= e.getValue());
                if (ends.equals(stableEnds) && read) {
                    return received.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the match watcher did not read raqib.matches to its end within "
                            + limit + ": at " + positions + ", ends " + ends + ", stable ends " + stableEnds);
                }
                Thread.sleep(20);
            }
        }

        double[] latencies() {
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            return sorted;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
