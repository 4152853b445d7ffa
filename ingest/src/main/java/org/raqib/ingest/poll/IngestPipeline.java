package org.raqib.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.raqib.core.config.IngestSettings;
import org.raqib.core.kafka.KafkaClients;
import org.raqib.core.model.FeedDefinition;
import org.raqib.ingest.extract.ArticleExtractor;
import org.raqib.ingest.fetch.FetchLimits;
import org.raqib.ingest.fetch.HttpFetcher;
import org.raqib.ingest.parse.FeedParser;
import org.raqib.ingest.registry.FeedRegistry;
import org.raqib.ingest.registry.FeedRegistryFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one ingest process runs, wired from the configuration: the guarded fetcher, the poller and one
 * {@link IngestWorker} in the {@code ingest.groupId} group. The composition root creates it, calls {@link #start()},
 * and closes it at shutdown.
 */
public final class IngestPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final IngestSettings settings;
    private final KafkaClients clients;
    private final HttpFetcher fetcher;
    private final IngestWorker worker;

    /** The pipeline of this process with the production feed parser and article extractor. */
    public IngestPipeline(IngestSettings settings, KafkaClients clients, MeterRegistry registry, Clock clock) {
        this(settings, clients, new ParsedFeedReader(new FeedParser()), new ExtractedPageReader(new ArticleExtractor()),
                registry, clock);
    }

    /**
     * The pipeline of this process.
     *
     * @param settings the {@code ingest.*} configuration
     * @param clients the cluster
     * @param feeds reads feed bodies (the production feed parser)
     * @param pages extracts article pages (the production extractor)
     * @param registry receives the {@code raqib.feed.*} meters
     * @param clock the time of polls
     */
    public IngestPipeline(IngestSettings settings, KafkaClients clients, FeedReader feeds, PageReader pages,
            MeterRegistry registry, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.fetcher = new HttpFetcher(FetchLimits.from(settings));
        FeedPoller poller = new FeedPoller(fetcher, feeds, pages, new PollSchedule(new SecureRandom()), registry, clock);
        this.worker = new IngestWorker(clients, settings.groupId(), workerId(), poller, settings.pollThreads(), registry,
                clock);
    }

    /** Pushes {@code ingest.feedsFile} (when set) to {@code raqib.feeds}, then starts the worker. */
    public IngestPipeline start() throws IOException {
        if (!settings.feedsFile().isBlank()) {
            List<FeedDefinition> feeds = new FeedRegistryFile().read(Path.of(settings.feedsFile()));
            new FeedRegistry(clients, Duration.ofSeconds(30)).push(feeds, false);
            log.info("Pushed {} feeds from {} to raqib.feeds", feeds.size(), settings.feedsFile());
        }
        worker.start();
        return this;
    }

    /** The worker, for status and tests. */
    public IngestWorker worker() {
        return worker;
    }

    @Override
    public void close() {
        worker.close();
        fetcher.close();
    }

    /** Unique among live workers: host, process id and a random suffix (a restart is a new member anyway). */
    private static String workerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host"; // the id only has to be unique, the random part sees to that
        }
        String suffix = Integer.toHexString(new SecureRandom().nextInt(0x10000));
        return (host + "-" + ProcessHandle.current().pid() + "-" + suffix).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "-");
    }
}
