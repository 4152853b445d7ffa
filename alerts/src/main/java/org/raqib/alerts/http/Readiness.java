package org.raqib.alerts.http;

import java.util.Objects;

/**
 * Whether the service can serve traffic, for {@code GET /health/ready}.
 *
 * @param ready true when it can
 * @param reason why not, or empty when ready
 */
public record Readiness(boolean ready, String reason) {

    public Readiness {
        Objects.requireNonNull(reason, "reason");
    }

    /** Ready. */
    public static Readiness ok() {
        return new Readiness(true, "");
    }

    /** Not ready, because of {@code reason}. */
    public static Readiness notReady(String reason) {
        return new Readiness(false, reason);
    }
}
