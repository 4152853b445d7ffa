package org.raqib.streams.query;

import java.util.List;
import java.util.Objects;

/**
 * The answer of the instances to a query of the whole application.
 *
 * @param value the merged answer of every instance that answered
 * @param unavailable the instances that did not answer, and why; empty when every instance did
 * @param <T> the type of the answer
 */
public record Answer<T>(T value, List<Unavailable> unavailable) {

    public Answer {
        Objects.requireNonNull(value, "value");
        unavailable = List.copyOf(unavailable);
    }

    /** An answer of every instance. */
    public static <T> Answer<T> complete(T value) {
        return new Answer<>(value, List.of());
    }

    /** Whether some instance did not answer, so that {@link #value()} may lack what it holds. */
    public boolean partial() {
        return !unavailable.isEmpty();
    }

    /**
     * An instance that did not answer.
     *
     * @param instance its advertised {@code host:port}
     * @param reason what went wrong (timeout, refused connection, HTTP status)
     */
    public record Unavailable(String instance, String reason) {

        public Unavailable {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
