package org.raqib.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert for one subscription, the value of {@code raqib.alerts} (keyed by {@link #id()}).
 *
 * @param id stable id: the same match and subscription always give the same id, so receivers can dedupe
 * @param subscriptionId the subscription it is for
 * @param kind {@code new} for the first article of a story, {@code also-reported} for later copies
 * @param createdAt when it was created
 * @param match the match it reports
 */
public record Alert(String id, String subscriptionId, String kind, Instant createdAt, Match match) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        kind = kind == null ? "new" : kind;
    }
}
