package org.raqib.streams.query;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.raqib.core.model.Match;
import org.raqib.core.model.Story;
import org.raqib.streams.topology.PipelineQueries;
import org.raqib.streams.topology.PipelineQueries.Point;
import org.raqib.streams.topology.PipelineQueries.Recent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's queries answered for the whole application by any one instance: recent matches and stories from
 * every instance that holds a part of their stores, merged; a trend series from the one instance that holds its key.
 * This instance reads its own stores directly and asks the others through {@link PeerClient}, all at once, waiting
 * for each at most the client's timeout. An instance that does not answer is named in the {@link Answer}; one that
 * is rebalancing makes the whole query throw {@link StoresUnavailableException}.
 *
 * <p>The {@code local...} methods answer from this instance's stores alone: they serve the other instances.
 * Thread-safe.
 */
public final class ClusterQueries {

    private static final Logger log = LoggerFactory.getLogger(ClusterQueries.class);

    private final Placement placement;
    private final HostInfo self;
    private final PipelineQueries local;
    private final PeerClient peers;

    /**
     * @param placement which instances hold which part of each store
     * @param self this instance's advertised address, as {@code placement} names it
     * @param local this instance's stores
     * @param peers how the other instances are asked
     */
    public ClusterQueries(Placement placement, HostInfo self, PipelineQueries local, PeerClient peers) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.self = Objects.requireNonNull(self, "self");
        this.local = Objects.requireNonNull(local, "local");
        this.peers = Objects.requireNonNull(peers, "peers");
    }

    /** The newest {@code limit} matches of the application, newest first. */
    public Answer<List<Match>> recentMatches(int limit, Optional<String> token) {
        Gathered<List<Recent>> gathered = gather(placement.hostsOf(PipelineQueries.RECENT_MATCHES_STORE),
                () -> local.recent(limit), host -> peers.recent(host, limit, token));
        return new Answer<>(QueryMerge.recentMatches(gathered.answers(), limit), gathered.unavailable());
    }

    /** The {@code limit} most recently active stories of the application. */
    public Answer<List<Story>> recentStories(int limit, Optional<String> token) {
        Gathered<List<Story>> gathered = gather(placement.hostsOf(PipelineQueries.STORIES_STORE),
                () -> local.recentStories(limit), host -> peers.stories(host, limit, token));
        return new Answer<>(QueryMerge.stories(gathered.answers(), limit), gathered.unavailable());
    }

    /**
     * The story {@code id}, if it is within the story window. This instance's stores are read first; the others are
     * asked only when they do not hold it (stories are partitioned by signature, so its id does not say where it is).
     */
    public Answer<Optional<Story>> story(String id, Optional<String> token) {
        Set<HostInfo> hosts = placement.hostsOf(PipelineQueries.STORIES_STORE);
        if (hosts.contains(self)) {
            Optional<Story> mine = readLocal(() -> local.story(id));
            if (mine.isPresent()) {
                return Answer.complete(mine);
            }
        }
        Gathered<Optional<Story>> gathered = gather(without(hosts, self), Optional::empty,
                host -> peers.story(host, id, token));
        return new Answer<>(QueryMerge.story(gathered.answers()), gathered.unavailable());
    }

    /**
     * Counts of {@code subject} ({@code entity} or {@code rule}) {@code id} per {@code window} ({@code hour} or
     * {@code day}) that start between {@code from} and {@code to}, oldest first, from the instance holding that key.
     *
     * @throws IllegalArgumentException for an unknown subject or window
     */
    public Answer<List<Point>> trendSeries(String subject, String id, String window, Instant from, Instant to,
            Optional<String> token) {
        String store = PipelineQueries.trendStore(window);
        HostInfo owner = placement.ownerOf(store, PipelineQueries.trendKey(subject, id));
        if (owner.equals(self)) {
            return Answer.complete(readLocal(() -> local.trendSeries(subject, id, window, from, to)));
        }
        Gathered<List<Point>> gathered = gather(Set.of(owner), List::of,
                host -> peers.trendSeries(host, subject, id, window, from, to, token));
        return new Answer<>(gathered.answers().stream().findFirst().orElse(List.of()), gathered.unavailable());
    }

    /** This instance's newest {@code limit} matches with their store keys; none when it holds no part of the store. */
    public List<Recent> localRecent(int limit) {
        return holds(PipelineQueries.RECENT_MATCHES_STORE) ? readLocal(() -> local.recent(limit)) : List.of();
    }

    /** This instance's {@code limit} most recently active stories. */
    public List<Story> localStories(int limit) {
        return holds(PipelineQueries.STORIES_STORE) ? readLocal(() -> local.recentStories(limit)) : List.of();
    }

    /** The story {@code id} if this instance holds it. */
    public Optional<Story> localStory(String id) {
        return holds(PipelineQueries.STORIES_STORE) ? readLocal(() -> local.story(id)) : Optional.empty();
    }

    /**
     * This instance's trend series of {@code subject} {@code id}.
     *
     * @throws StoresUnavailableException when another instance holds the key now (it moved since the asker looked)
     */
    public List<Point> localTrendSeries(String subject, String id, String window, Instant from, Instant to) {
        String store = PipelineQueries.trendStore(window);
        HostInfo owner = placement.ownerOf(store, PipelineQueries.trendKey(subject, id));
        if (!owner.equals(self)) {
            throw new StoresUnavailableException("the " + subject + " '" + id + "' series is now on " + name(owner)
                    + ", not here; retry shortly", StoresUnavailableException.REBALANCE_RETRY);
        }
        return readLocal(() -> local.trendSeries(subject, id, window, from, to));
    }

    private boolean holds(String store) {
        return placement.hostsOf(store).contains(self);
    }

    /**
     * Asks every host in {@code hosts} but this one, reads this one's stores with {@code mine} if it is among them,
     * then waits for the others until one timeout after they were asked.
     */
    private <T> Gathered<T> gather(Set<HostInfo> hosts, Supplier<T> mine,
            Function<HostInfo, CompletableFuture<T>> ask) {
        long deadline = System.nanoTime() + peers.timeout().toNanos();
        Map<HostInfo, CompletableFuture<T>> asked = new LinkedHashMap<>();
        for (HostInfo host : hosts) {
            if (!host.equals(self)) {
                asked.put(host, ask.apply(host));
            }
        }
        List<T> answers = new ArrayList<>();
        List<Answer.Unavailable> unavailable = new ArrayList<>();
        try {
            if (hosts.contains(self)) {
                answers.add(readLocal(mine));
            }
            for (Map.Entry<HostInfo, CompletableFuture<T>> entry : asked.entrySet()) {
                try {
                    long wait = Math.max(0, deadline - System.nanoTime());
                    answers.add(entry.getValue().get(wait, TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    unavailable.add(unavailable(entry.getKey(), noAnswer()));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException inner && inner.getCause() != null
                            ? inner.getCause() : e.getCause();
                    if (cause instanceof StoresUnavailableException rebalancing) {
                        throw rebalancing;
                    }
                    unavailable.add(unavailable(entry.getKey(), describe(cause)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    unavailable.add(unavailable(entry.getKey(), "interrupted while waiting"));
                }
            }
        } finally {
            asked.values().forEach(future -> future.cancel(true));
        }
        return new Gathered<>(answers, unavailable);
    }

    private Answer.Unavailable unavailable(HostInfo host, String reason) {
        log.debug("Instance {} did not answer a query: {}", name(host), reason);
        return new Answer.Unavailable(name(host), reason);
    }

    private String noAnswer() {
        return "no answer within " + peers.timeout().toMillis() + " ms";
    }

    private String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        if (cause instanceof HttpTimeoutException) {
            return noAnswer();
        }
        if (cause instanceof ConnectException) {
            return "connection refused: is it running, and is its advertised address right?";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    }

    /** Reads this instance's stores; Kafka Streams refuses while they move between instances. */
    private static <T> T readLocal(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new StoresUnavailableException("this instance's stores are not queryable now (" + e.getMessage()
                    + "); retry shortly", StoresUnavailableException.REBALANCE_RETRY);
        }
    }

    private static Set<HostInfo> without(Set<HostInfo> hosts, HostInfo host) {
        return hosts.stream().filter(h -> !h.equals(host)).collect(Collectors.toUnmodifiableSet());
    }

    private static String name(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private record Gathered<T>(List<T> answers, List<Answer.Unavailable> unavailable) {}
}
