package org.raqib.core.metrics;

import java.util.Objects;

/**
 * Answers whether a service is ready to do its work (Kafka reachable, topics verified, Streams RUNNING). Called on
 * every {@code /health/ready} request from the HTTP server's thread, so implementations must be thread-safe and
 * quick: read state kept up to date elsewhere rather than calling Kafka here.
 */
@FunctionalInterface
public interface HealthCheck {

    /** The current readiness; never null. */
    Status check();

    /**
     * One readiness answer.
     *
     * @param ready whether the service can do its work
     * @param reason what is missing when not ready (for the operator), or {@code "ok"}
     */
    record Status(boolean ready, String reason) {
        public Status {
            Objects.requireNonNull(reason, "reason");
        }

        /** Ready. */
        public static Status up() {
            return new Status(true, "ok");
        }

        /** Not ready, with what the operator should look at. */
        public static Status down(String reason) {
            return new Status(false, reason);
        }
    }
}
