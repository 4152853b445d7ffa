package org.raqib.streams.topology;

import org.raqib.core.model.DeadLetter;

/**
 * What a fallible processing step produced: a value, or the dead letter that replaces it. Never crosses a topic,
 * so it needs no serde.
 */
record Outcome<T>(T value, DeadLetter deadLetter) {

    static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failed(DeadLetter deadLetter) {
        return new Outcome<>(null, deadLetter);
    }

    boolean ok() {
        return deadLetter == null;
    }
}
