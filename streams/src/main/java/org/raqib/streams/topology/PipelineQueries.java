package org.raqib.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.raqib.core.model.Match;
import org.raqib.core.model.Story;

/**
 * Interactive queries over one instance's stores, for the HTTP API and the UI: recent matches, story clusters and
 * trend series. Each instance answers for the partitions it owns; {@code org.raqib.streams.query.ClusterQueries}
 * asks every instance and merges, so that any instance answers for the whole application.
 */
public final class PipelineQueries {

    /** The store of recent matches: keyed by {@link Recent#order()}, partitioned by story key, not by its key. */
    public static final String RECENT_MATCHES_STORE = ClusterStories.RECENT;

    /** The store of stories: keyed by story id, partitioned by story key, not by its key. */
    public static final String STORIES_STORE = ClusterStories.STORIES;

    /** How the queries reach the stores: a running {@link KafkaStreams}, or a test driver. */
    public interface Stores {
        <K, V> ReadOnlyKeyValueStore<K, V> keyValue(String name);

        <K, V> ReadOnlyWindowStore<K, V> window(String name);
    }

    /**
     * One point of a trend series.
     *
     * @param windowStart start of the hour or day
     * @param count mentions or matches in it
     */
    public record Point(Instant windowStart, long count) {}

    /**
     * A recent match with its place in the recent-matches store.
     *
     * @param order its store key; every instance's keys sort the same way, newest first, so answers from several
     *     instances merge by it
     * @param match the match
     */
    public record Recent(String order, Match match) {}

    private final Stores stores;

    public PipelineQueries(Stores stores) {
        this.stores = stores;
    }

    /** Queries over the local stores of {@code streams}; they throw while it is rebalancing, as Kafka Streams does. */
    public static PipelineQueries of(KafkaStreams streams) {
        return new PipelineQueries(new Stores() {
            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> keyValue(String name) {
                return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
            }

            @Override
            public <K, V> ReadOnlyWindowStore<K, V> window(String name) {
                return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.windowStore()));
            }
        });
    }

    /** The newest matches first, at most {@code limit}. */
    public List<Match> recentMatches(int limit) {
        return recent(limit).stream().map(Recent::match).toList();
    }

    /** The newest matches first with their store keys, at most {@code limit}. */
    public List<Recent> recent(int limit) {
        List<Recent> matches = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Match> recent = stores.keyValue(ClusterStories.RECENT);
        try (KeyValueIterator<String, Match> all = recent.all()) {
            while (all.hasNext() && matches.size() < limit) {
                var next = all.next();
                matches.add(new Recent(next.key, next.value));
            }
        }
        return matches;
    }

    /** The story with {@code id}, if it is still within the story window. */
    public Optional<Story> story(String id) {
        ReadOnlyKeyValueStore<String, Story> stories = stores.keyValue(ClusterStories.STORIES);
        return Optional.ofNullable(stories.get(id));
    }

    /** The most recently active stories first, at most {@code limit}. */
    public List<Story> recentStories(int limit) {
        List<Story> all = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Story> stories = stores.keyValue(ClusterStories.STORIES);
        try (KeyValueIterator<String, Story> it = stories.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        all.sort(Comparator.comparing(Story::lastSeen).reversed().thenComparing(Story::id));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /**
     * Counts of {@code subject} ({@code entity} or {@code rule}) {@code id} per {@code window} ({@code hour} or
     * {@code day}) that start between {@code from} and {@code to}, oldest first; windows without any are absent.
     */
    public List<Point> trendSeries(String subject, String id, String window, Instant from, Instant to) {
        ReadOnlyWindowStore<String, Long> counts = stores.window(trendStore(window));
        List<Point> points = new ArrayList<>();
        try (WindowStoreIterator<Long> it = counts.fetch(trendKey(subject, id), from, to)) {
            it.forEachRemaining(kv -> points.add(new Point(Instant.ofEpochMilli(kv.key), kv.value)));
        }
        return points;
    }

    /**
     * The store of trend counts per {@code window} ({@code hour} or {@code day}). Its key, {@link #trendKey}, is
     * also the key it is partitioned by, so one instance holds a whole series.
     *
     * @throws IllegalArgumentException for another window
     */
    public static String trendStore(String window) {
        if (!"hour".equals(window) && !"day".equals(window)) {
            throw new IllegalArgumentException("window must be 'hour' or 'day', got '" + window + "'");
        }
        return RaqibTopology.PREFIX + "trends-" + window;
    }

    /**
     * The key of the counts of {@code subject} ({@code entity} or {@code rule}) {@code id} in a {@link #trendStore}.
     *
     * @throws IllegalArgumentException for another subject
     */
    public static String trendKey(String subject, String id) {
        if (!"entity".equals(subject) && !"rule".equals(subject)) {
            throw new IllegalArgumentException("subject must be 'entity' or 'rule', got '" + subject + "'");
        }
        return subject + ":" + id;
    }
}
