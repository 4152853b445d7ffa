package org.raqib.alerts.history;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.raqib.core.model.Alert;

/**
 * Filters of {@code GET /api/alerts}; every present filter must hold.
 *
 * @param limit most alerts returned, at least 1
 * @param since only alerts created at or after this time
 * @param rule only alerts whose match includes this rule id
 * @param entity only alerts whose match names this entity id
 * @param subscription only alerts of this subscription
 * @param visible which alerts the caller may see
 */
public record AlertQuery(
        int limit,
        Optional<Instant> since,
        Optional<String> rule,
        Optional<String> entity,
        Optional<String> subscription,
        Predicate<Alert> visible) {

    public AlertQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** Whether {@code alert} passes every filter. */
    public boolean test(Alert alert) {
        return visible.test(alert)
                && since.map(s -> !alert.createdAt().isBefore(s)).orElse(true)
                && rule.map(r -> alert.match().rules().stream().anyMatch(h -> h.id().equals(r))).orElse(true)
                && entity.map(e -> alert.match().entities().stream().anyMatch(h -> h.id().equals(e))).orElse(true)
                && subscription.map(s -> s.equals(alert.subscriptionId())).orElse(true);
    }
}
