package org.raqib.alerts.history;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.raqib.core.model.Alert;
import org.raqib.core.model.DeliveryAttempt;

/**
 * The bounded in-memory index of alerts read from {@code raqib.alerts}, in arrival order, with the delivery
 * attempts reported for them. When full, the oldest alert is dropped; a client resuming from before the oldest
 * alert kept gets everything still kept. Thread-safe: one reader thread adds, HTTP threads query and wait.
 */
public final class AlertHistory {

    private final int capacity;
    private final ArrayDeque<StoredAlert> alerts = new ArrayDeque<>();
    private final Map<String, StoredAlert> byId = new HashMap<>();
    private final Map<String, Map<String, List<DeliveryAttempt>>> attempts;
    private StreamPosition head = StreamPosition.start();
    private long lastSeq;

    /** An empty history keeping at most {@code capacity} alerts. */
    public AlertHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        // Attempts may be read before their alert (two topics, two readers): keep a bounded number ahead of them.
        this.attempts = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, List<DeliveryAttempt>>> eldest) {
                return size() > 2 * AlertHistory.this.capacity;
            }
        };
    }

    /**
     * Adds the alert read at {@code partition}/{@code offset}. A second copy of an id already kept (delivery to
     * {@code raqib.alerts} is at-least-once) only moves the position on.
     */
    public synchronized void add(int partition, long offset, Alert alert) {
        head = head.after(partition, offset);
        if (byId.containsKey(alert.id())) {
            return;
        }
        StoredAlert stored = new StoredAlert(++lastSeq, partition, offset, alert);
        alerts.addLast(stored);
        byId.put(alert.id(), stored);
        if (alerts.size() > capacity) {
            StoredAlert dropped = alerts.removeFirst();
            byId.remove(dropped.alert().id());
            attempts.remove(dropped.alert().id());
        }
        notifyAll();
    }

    /**
     * Records the attempts so far of one delivery ({@code deliveryKey}: alert, channel, target) of alert
     * {@code alertId}, replacing what was known of that delivery. Attempts of an alert not yet read are kept
     * (boundedly) until it is.
     */
    public synchronized void recordAttempts(String alertId, String deliveryKey, List<DeliveryAttempt> sofar) {
        if (!sofar.isEmpty()) {
            attempts.computeIfAbsent(alertId, id -> new LinkedHashMap<>()).put(deliveryKey, List.copyOf(sofar));
        }
    }

    /** The alert with {@code id}, when kept. */
    public synchronized Optional<StoredAlert> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Delivery attempts of alert {@code id}, oldest first. */
    public synchronized List<DeliveryAttempt> attempts(String id) {
        List<DeliveryAttempt> all = new ArrayList<>();
        attempts.getOrDefault(id, Map.of()).values().forEach(all::addAll);
        all.sort(Comparator.comparing(DeliveryAttempt::at));
        return all;
    }

    /** Alerts passing {@code query}, newest first, at most {@code query.limit()}. */
    public synchronized List<Alert> newestFirst(AlertQuery query) {
        List<Alert> found = new ArrayList<>();
        Iterator<StoredAlert> newest = alerts.descendingIterator();
        while (newest.hasNext() && found.size() < query.limit()) {
            Alert alert = newest.next().alert();
            if (query.test(alert)) {
                found.add(alert);
            }
        }
        return found;
    }

    /** Number of alerts kept. */
    public synchronized int size() {
        return alerts.size();
    }

    /**
     * Where a stream starting now begins: no alerts to replay, the current head position and arrival counter.
     */
    public synchronized Replay fromHead() {
        return new Replay(List.of(), head, lastSeq);
    }

    /**
     * Where a stream resuming from {@code position} begins: every kept alert not yet seen at {@code position}, in
     * arrival order, and the arrival counter after which {@link #after} continues — taken atomically, so nothing
     * falls between the replay and the live tail.
     */
    public synchronized Replay from(StreamPosition position) {
        List<StoredAlert> unseen = new ArrayList<>();
        for (StoredAlert stored : alerts) {
            if (position.isBefore(stored.partition(), stored.offset())) {
                unseen.add(stored);
            }
        }
        return new Replay(unseen, position, lastSeq);
    }

    /**
     * Alerts that arrived after arrival counter {@code seq}, oldest first, waiting up to {@code wait} for one to
     * arrive when there are none yet; an empty list when the wait ran out.
     */
    public synchronized List<StoredAlert> after(long seq, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (lastSeq <= seq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        List<StoredAlert> newer = new ArrayList<>();
        Iterator<StoredAlert> newest = alerts.descendingIterator();
        while (newest.hasNext()) {
            StoredAlert stored = newest.next();
            if (stored.seq() <= seq) {
                break;
            }
            newer.add(0, stored);
        }
        return newer;
    }

    /**
     * Where a stream starts.
     *
     * @param alerts alerts to send first, in arrival order
     * @param position the position before them
     * @param seq the arrival counter the live tail continues after
     */
    public record Replay(List<StoredAlert> alerts, StreamPosition position, long seq) {

        public Replay {
            alerts = List.copyOf(alerts);
        }
    }
}
