package org.raqib.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.raqib.alerts.http.Caller;
import org.raqib.core.json.Json;
import org.raqib.core.model.Rule;
import org.raqib.streams.backtest.RuleTrial;
import org.raqib.streams.rules.RuleFiles;
import org.raqib.streams.rules.RuleTopic;
import org.raqib.streams.rules.RuleValidator;
import org.raqib.streams.rules.TextAnalysis;

/**
 * The rules API: {@code GET /api/rules}, {@code GET /api/rules/{id}}, {@code PUT /api/rules/{id}} (a rule as JSON or
 * YAML; admin token) and {@code DELETE /api/rules/{id}} (admin token). A rule is validated before it is written to
 * {@code raqib.rules}, so an invalid rule never reaches the topology; every Streams instance applies a change within
 * seconds through its global rules store.
 *
 * <p>{@code POST /api/rules/try?days=N} (any token) is the rule editor's "try it": it backtests the rule in the body,
 * without saving it, over the newest articles of the last N days (default {@value #DEFAULT_TRY_DAYS}) against the
 * live rule of the same id, and answers with the backtest report (see {@link RuleTrial}).
 */
public final class RuleRoutes {

    /** Days a trial covers when the request does not say. */
    static final int DEFAULT_TRY_DAYS = 3;

    private final RuleTopic topic;
    private final TextAnalysis analysis;
    private final RuleTrial trial;

    public RuleRoutes(RuleTopic topic, TextAnalysis analysis, RuleTrial trial) {
        this.topic = topic;
        this.analysis = analysis;
        this.trial = trial;
    }

    /** The routes, as a plug-in of the alerts server (which checks the bearer token of every {@code /api} route). */
    public Consumer<JavalinConfig> plugin() {
        return config -> config.router.mount(router -> {
            router.get("/api/rules", this::list);
            router.post("/api/rules/try", this::tryRule);
            router.get("/api/rules/{id}", this::get);
            router.put("/api/rules/{id}", this::put);
            router.delete("/api/rules/{id}", this::delete);
        });
    }

    private void list(Context ctx) {
        List<Rule> rules = new ArrayList<>(topic.readAll(Duration.ofSeconds(10)));
        rules.sort(Comparator.comparing(Rule::id));
        json(ctx, 200, Map.of("rules", rules));
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        topic.readAll(Duration.ofSeconds(10)).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .ifPresentOrElse(r -> json(ctx, 200, r), () -> json(ctx, 404, Map.of("error", "no rule '" + id + "'")));
    }

    private void put(Context ctx) {
        if (!requireAdmin(ctx)) {
            return;
        }
        String id = ctx.pathParam("id");
        Rule rule;
        try {
            rule = parse(ctx.body(), id);
        } catch (IllegalArgumentException e) {
            json(ctx, 400, Map.of("errors", List.of(e.getMessage())));
            return;
        }
        if (!rule.id().equals(id)) {
            json(ctx, 400, Map.of("errors", List.of("the rule's id '" + rule.id() + "' differs from the path's '" + id + "'")));
            return;
        }
        List<String> problems = RuleValidator.problems(rule, analysis);
        if (!problems.isEmpty()) {
            json(ctx, 400, Map.of("errors", problems));
            return;
        }
        topic.write(List.of(rule));
        json(ctx, 200, rule);
    }

    private void tryRule(Context ctx) {
        int days;
        String daysParam = ctx.queryParam("days");
        try {
            days = daysParam == null ? DEFAULT_TRY_DAYS : Integer.parseInt(daysParam.strip());
        } catch (NumberFormatException e) {
            json(ctx, 400, Map.of("errors", List.of("days must be a whole number of days, got '" + daysParam + "'")));
            return;
        }
        Rule rule;
        try {
            rule = parse(ctx.body(), null);
        } catch (IllegalArgumentException e) {
            json(ctx, 400, Map.of("errors", List.of(e.getMessage())));
            return;
        }
        List<String> problems = RuleValidator.problems(rule, analysis);
        if (!problems.isEmpty()) {
            json(ctx, 400, Map.of("errors", problems));
            return;
        }
        try {
            Optional<Rule> live = topic.readAll(Duration.ofSeconds(10)).stream()
                    .filter(r -> r.id().equals(rule.id()))
                    .findFirst();
            Optional<RuleTrial.Result> result = trial.run(rule, live, days);
            if (result.isEmpty()) {
                ctx.header("Retry-After", "5");
                json(ctx, 429, Map.of("error", "another rule trial is running; try again in a few seconds"));
                return;
            }
            json(ctx, 200, result.get());
        } catch (IllegalArgumentException e) {
            json(ctx, 400, Map.of("errors", List.of(e.getMessage())));
        } catch (IOException e) {
            json(ctx, 500, Map.of("error", "the trial could not write its scratch state: " + e.getMessage()));
        } catch (KafkaException | IllegalStateException e) {
            ctx.header("Retry-After", "10");
            json(ctx, 503, Map.of("error", "cannot read raqib.articles: " + e.getMessage()));
        }
    }

    private void delete(Context ctx) {
        if (!requireAdmin(ctx)) {
            return;
        }
        topic.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    /** A rule from a JSON object, or from a YAML document in the rule-file format. */
    static Rule parse(String body, String id) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("send the rule as JSON or YAML: id, name, description, severity, query, tags");
        }
        if (text.startsWith("{")) {
            return Json.read(text, Rule.class);
        }
        RuleFiles.Loaded loaded = RuleFiles.parse(text, "request body");
        if (!loaded.valid()) {
            throw new IllegalArgumentException(String.join("; ", loaded.problems()));
        }
        if (loaded.rules().size() != 1) {
            throw new IllegalArgumentException("send exactly one rule, got " + loaded.rules().size());
        }
        return loaded.rules().get(0);
    }

    private static boolean requireAdmin(Context ctx) {
        if (Caller.of(ctx).admin()) {
            return true;
        }
        json(ctx, 403, Map.of("error", "changing rules needs the admin token"));
        return false;
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }
}
