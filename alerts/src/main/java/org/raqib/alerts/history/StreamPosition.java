package org.raqib.alerts.history;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A position in {@code raqib.alerts}: for each partition, the offset of the next alert not yet seen. It is the
 * {@code id:} of every server-sent event, so a client that reconnects with {@code Last-Event-ID} resumes exactly
 * after the last alert it got, on any instance, whatever order the partitions were interleaved in. Written as
 * {@code partition:offset} pairs joined by commas, for example {@code 0:17,1:4}.
 */
public final class StreamPosition {

    private final TreeMap<Integer, Long> next;

    private StreamPosition(Map<Integer, Long> next) {
        this.next = new TreeMap<>(next);
    }

    /** The position before any alert. */
    public static StreamPosition start() {
        return new StreamPosition(Map.of());
    }

    /**
     * Parses a position written by {@link #toString()}; empty when {@code text} is not one (a client may send any
     * {@code Last-Event-ID}).
     */
    public static Optional<StreamPosition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<Integer, Long> next = new TreeMap<>();
        for (String pair : text.strip().split(",", -1)) {
            String[] parts = pair.split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (partition < 0 || offset < 0) {
                    return Optional.empty();
                }
                next.put(partition, offset);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(next));
    }

    /** Whether the alert at {@code partition}/{@code offset} comes after this position (not yet seen). */
    public boolean isBefore(int partition, long offset) {
        return offset >= next.getOrDefault(partition, 0L);
    }

    /** This position moved past the alert at {@code partition}/{@code offset}. */
    public StreamPosition after(int partition, long offset) {
        if (!isBefore(partition, offset)) {
            return this;
        }
        StreamPosition moved = new StreamPosition(next);
        moved.next.put(partition, offset + 1);
        return moved;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition p && p.next.equals(next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }

    @Override
    public String toString() {
        return next.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }
}
