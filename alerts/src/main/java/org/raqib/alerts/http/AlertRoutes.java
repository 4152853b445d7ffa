package org.raqib.alerts.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.raqib.alerts.history.AlertHistory;
import org.raqib.alerts.history.AlertQuery;
import org.raqib.alerts.history.StoredAlert;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.core.model.Alert;
import org.raqib.core.model.DeliveryAttempt;
import org.raqib.core.model.Subscription;

/** {@code GET /api/alerts} and {@code GET /api/alerts/{id}}: the alert history, limited to what the caller may see. */
final class AlertRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final AlertHistory history;
    private final SubscriptionRegistry subscriptions;

    AlertRoutes(AlertHistory history, SubscriptionRegistry subscriptions) {
        this.history = history;
        this.subscriptions = subscriptions;
    }

    /**
     * An alert's detail.
     *
     * @param alert the alert
     * @param position where it sits in {@code raqib.alerts}, {@code partition:offset}
     * @param deliveries every delivery attempt reported to this instance, oldest first
     */
    record AlertDetail(Alert alert, String position, List<DeliveryAttempt> deliveries) {}

    void list(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        AlertQuery query = new AlertQuery(limit, since(ctx.queryParam("since")), param(ctx, "rule"),
                param(ctx, "entity"), param(ctx, "subscription"), visibleTo(Callers.of(ctx)));
        Responses.json(ctx, 200, history.newestFirst(query));
    }

    void detail(Context ctx) {
        String id = ctx.pathParam("id");
        StoredAlert stored = history.find(id)
                .filter(s -> visibleTo(Callers.of(ctx)).test(s.alert()))
                .orElseThrow(() -> new ApiException(404, "no alert " + id + " in the history you may see; "
                        + "list them with GET /api/alerts"));
        Responses.json(ctx, 200, new AlertDetail(stored.alert(), stored.partition() + ":" + stored.offset(),
                history.attempts(id)));
    }

    /** What {@code GET /api/alerts/stream} sends: alerts the caller may see, of one subscription when asked. */
    Predicate<Alert> streamFilter(Context ctx) {
        Predicate<Alert> visible = visibleTo(Callers.of(ctx));
        return param(ctx, "subscription").<Predicate<Alert>>map(id -> a -> visible.test(a) && a.subscriptionId().equals(id))
                .orElse(visible);
    }

    /** Which alerts {@code caller} may see: all for admin, else those of subscriptions it owns. */
    Predicate<Alert> visibleTo(Caller caller) {
        if (caller.admin()) {
            return alert -> true;
        }
        return alert -> subscriptions.get(alert.subscriptionId()).map(Subscription::owner)
                .filter(caller.name()::equals).isPresent();
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank());
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new ApiException(400, "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + text + "'");
    }

    private static Optional<Instant> since(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "since must be an ISO-8601 instant such as 2026-01-31T08:00:00Z, got '"
                    + text + "'");
        }
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }
}
