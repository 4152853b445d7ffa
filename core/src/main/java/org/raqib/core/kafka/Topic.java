package org.raqib.core.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One of Raqib's topics: its name (a contract), the serdes of its keys and values, and whether it holds
 * state (compacted) or events (deleted by retention).
 *
 * @param name topic name
 * @param keySerde key serde
 * @param valueSerde value serde
 * @param compacted true for state topics (latest value per key kept)
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** The {@code cleanup.policy} this topic must have. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }
}
