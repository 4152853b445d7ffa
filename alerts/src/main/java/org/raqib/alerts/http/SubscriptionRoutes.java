package org.raqib.alerts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.raqib.alerts.history.AlertHistory;
import org.raqib.alerts.history.AlertQuery;
import org.raqib.alerts.subscriptions.FieldError;
import org.raqib.alerts.subscriptions.SubscriptionRegistry;
import org.raqib.alerts.subscriptions.SubscriptionValidator;
import org.raqib.core.json.Json;
import org.raqib.core.model.Subscription;

/**
 * {@code /api/subscriptions}: create, list, read, replace and delete subscriptions. Subscribers see and change
 * only their own (others' answer 404, so ids do not leak); a subscriber's subscriptions are always owned by it.
 * A webhook subscription without a secret gets a generated one, returned in the response.
 */
final class SubscriptionRoutes {

    private final SubscriptionRegistry subscriptions;
    private final SecureRandom random = new SecureRandom();

    SubscriptionRoutes(SubscriptionRegistry subscriptions) {
        this.subscriptions = subscriptions;
    }

    void list(Context ctx) {
        Caller caller = Callers.of(ctx);
        Responses.json(ctx, 200, caller.admin() ? subscriptions.all() : subscriptions.ownedBy(caller.name()));
    }

    void get(Context ctx) {
        Responses.json(ctx, 200, visible(ctx, ctx.pathParam("id")));
    }

    void feed(Context ctx, AlertHistory history, String publicUrl, Clock clock) {
        Subscription subscription = visible(ctx, ctx.pathParam("id"));
        AlertQuery query = new AlertQuery(50, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(subscription.id()), alert -> true);
        String self = publicUrl + "/api/subscriptions/" + subscription.id() + "/feed.atom";
        ctx.contentType("application/atom+xml; charset=utf-8")
                .result(AtomFeed.render(subscription, history.newestFirst(query), self, clock.instant()));
    }

    void create(Context ctx) {
        ObjectNode body = body(ctx);
        if (!body.hasNonNull("id")) {
            body.put("id", "sub-" + HexFormat.of().formatHex(bytes(8)));
        }
        String id = body.get("id").asText();
        if (subscriptions.get(id).isPresent()) {
            throw new ValidationFailure(List.of(new FieldError("id", "subscription " + id
                    + " exists; replace it with PUT /api/subscriptions/" + id + " or choose another id")));
        }
        Subscription saved = save(ctx, body);
        ctx.header("Location", "/api/subscriptions/" + saved.id());
        Responses.json(ctx, 201, saved);
    }

    void replace(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode body = body(ctx);
        if (body.hasNonNull("id") && !body.get("id").asText().equals(id)) {
            throw new ValidationFailure(List.of(new FieldError("id", "must equal the id in the path, " + id)));
        }
        subscriptions.get(id).ifPresent(existing -> {
            if (!Callers.of(ctx).mayAccess(existing.owner())) {
                throw notFound(id);
            }
            if (!body.hasNonNull("secret")) {
                body.put("secret", existing.secret());
            }
        });
        body.put("id", id);
        Responses.json(ctx, 200, save(ctx, body));
    }

    void delete(Context ctx) {
        Subscription existing = visible(ctx, ctx.pathParam("id"));
        subscriptions.remove(existing.id());
        ctx.status(204);
    }

    private Subscription save(Context ctx, ObjectNode body) {
        Caller caller = Callers.of(ctx);
        if (!caller.admin()) {
            if (body.hasNonNull("owner") && !body.get("owner").asText().equals(caller.name())) {
                throw new ValidationFailure(List.of(new FieldError("owner",
                        "a subscriber's subscriptions are its own; leave owner out or send \"" + caller.name() + "\"")));
            }
            body.put("owner", caller.name());
        }
        Subscription subscription = parse(body);
        boolean webhook = subscription.channels().stream().anyMatch(c -> c != null && "webhook".equals(c.type()));
        if (webhook && subscription.secret().isEmpty()) {
            body.put("secret", "whsec_" + Base64.getEncoder().encodeToString(bytes(24)));
            subscription = parse(body);
        }
        List<FieldError> problems = SubscriptionValidator.problems(subscription);
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        subscriptions.put(subscription);
        return subscription;
    }

    private Subscription visible(Context ctx, String id) {
        return subscriptions.get(id).filter(s -> Callers.of(ctx).mayAccess(s.owner())).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "no subscription " + id + " that you may see; list yours with GET /api/subscriptions");
    }

    private static ObjectNode body(Context ctx) {
        try {
            JsonNode node = Json.mapper().readTree(ctx.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new ValidationFailure(List.of(new FieldError("body", "is not valid JSON: " + e.getOriginalMessage())));
        }
        throw new ValidationFailure(List.of(new FieldError("body", "must be a JSON object describing a subscription")));
    }

    private static Subscription parse(ObjectNode body) {
        try {
            return Json.mapper().treeToValue(body, Subscription.class);
        } catch (MismatchedInputException e) {
            StringBuilder field = new StringBuilder();
            for (var ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            String type = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
            throw new ValidationFailure(List.of(new FieldError(field.length() == 0 ? "body" : field.toString(),
                    "has the wrong type; expected " + type)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ValidationFailure(List.of(new FieldError("body", "cannot be read as a subscription: "
                    + e.getMessage())));
        }
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A 400 listing field-level problems, rendered as {@code {"errors":[{"field":..,"message":..}]}}. */
    static final class ValidationFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldError> errors;

        ValidationFailure(List<FieldError> errors) {
            super(errors.toString());
            this.errors = List.copyOf(errors);
        }

        Map<String, Object> body() {
            return Map.of("errors", errors);
        }
    }
}
