package org.raqib.app.http;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.raqib.streams.topology.PipelineQueries;

/**
 * One instance's stores as sorted maps, for query tests without Kafka: key-value stores by name, and window stores
 * by name as key to window start to count. Only the reads {@link PipelineQueries} makes are supported.
 */
final class MapStores implements PipelineQueries.Stores {

    private final Map<String, NavigableMap<String, Object>> keyValues = new ConcurrentHashMap<>();
    private final Map<String, Map<String, NavigableMap<Long, Object>>> windows = new ConcurrentHashMap<>();

    void put(String store, String key, Object value) {
        keyValues.computeIfAbsent(store, s -> new ConcurrentSkipListMap<>()).put(key, value);
    }

    void putWindow(String store, String key, Instant windowStart, Object value) {
        windows.computeIfAbsent(store, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new ConcurrentSkipListMap<>())
                .put(windowStart.toEpochMilli(), value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValue(String name) {
        NavigableMap<String, Object> map = keyValues.computeIfAbsent(name, s -> new ConcurrentSkipListMap<>());
        return (ReadOnlyKeyValueStore<K, V>) new ReadOnlyKeyValueStore<String, Object>() {
            @Override
            public Object get(String key) {
                return map.get(key);
            }

            @Override
            public KeyValueIterator<String, Object> range(String from, String to) {
                return iterator(map.subMap(from, true, to, true).entrySet().iterator());
            }

            @Override
            public KeyValueIterator<String, Object> all() {
                return iterator(map.entrySet().iterator());
            }

            @Override
            public long approximateNumEntries() {
                return map.size();
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyWindowStore<K, V> window(String name) {
        Map<String, NavigableMap<Long, Object>> byKey = windows.computeIfAbsent(name, s -> new ConcurrentHashMap<>());
        return (ReadOnlyWindowStore<K, V>) new ReadOnlyWindowStore<String, Object>() {
            @Override
            public Object fetch(String key, long time) {
                return byKey.getOrDefault(key, new TreeMap<>()).get(time);
            }

            @Override
            public WindowStoreIterator<Object> fetch(String key, Instant from, Instant to) {
                NavigableMap<Long, Object> series = byKey.getOrDefault(key, new TreeMap<>())
                        .subMap(from.toEpochMilli(), true, to.toEpochMilli(), true);
                Iterator<Map.Entry<Long, Object>> it = series.entrySet().iterator();
                return new WindowStoreIterator<>() {
                    @Override
                    public void close() {}

                    @Override
                    public Long peekNextKey() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public KeyValue<Long, Object> next() {
                        Map.Entry<Long, Object> e = it.next();
                        return KeyValue.pair(e.getKey(), e.getValue());
                    }
                };
            }

            @Override
            public KeyValueIterator<Windowed<String>, Object> fetch(String keyFrom, String keyTo, Instant from,
                    Instant to) {
                throw new UnsupportedOperationException();
            }

            @Override
            public KeyValueIterator<Windowed<String>, Object> all() {
                throw new UnsupportedOperationException();
            }

            @Override
            public KeyValueIterator<Windowed<String>, Object> fetchAll(Instant from, Instant to) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static KeyValueIterator<String, Object> iterator(Iterator<Map.Entry<String, Object>> it) {
        return new KeyValueIterator<>() {
            @Override
            public void close() {}

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, Object> next() {
                Map.Entry<String, Object> e = it.next();
                return KeyValue.pair(e.getKey(), e.getValue());
            }
        };
    }
}
