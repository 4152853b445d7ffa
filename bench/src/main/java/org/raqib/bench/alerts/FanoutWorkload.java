package org.raqib.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.raqib.core.json.Json;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;
import org.raqib.core.model.RuleHit;
import org.raqib.core.model.Subscription;
import org.raqib.streams.entities.Entity;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.rules.DefaultRules;
import org.raqib.streams.storyline.StorylineDecision;

/**
 * Subscriptions and matches for the alert benchmarks, from a seed, so two runs measure the same work.
 *
 * <p>Subscriptions draw on the bundled gazetteer's entity ids and sides, the default rule pack's ids plus
 * {@value #USER_RULES} user rule ids, and {@value #SOURCES} outlets, in the proportions a newsroom deployment might
 * have: most filter by entity, many by rule (with a minimum score), some by side, source or storyline only, a few
 * take everything. Matches are either the development snippets run through the real recogniser and storyline
 * decision ({@link #matchesFrom(Path, int, long)}), or synthetic ones over the same vocabulary
 * ({@link #syntheticMatches(int, long)}); either way each gets the storyline rule when in the storyline and one to
 * three other rule hits, a source, and a {@code firstInStory} flag.
 */
public final class FanoutWorkload {

    static final int USER_RULES = 200;
    static final int SOURCES = 30;

    private final List<Entity> entities;
    private final List<String> sides;
    private final List<String> ruleIds;
    private final List<String> sources;

    /** A workload over the bundled gazetteer and default rule pack. */
    public FanoutWorkload() {
        this.entities = Gazetteer.loadDefault().entities().stream().filter(e -> !e.stop()).toList();
        this.sides = entities.stream().map(Entity::side).distinct().sorted().toList();
        List<String> rules = new ArrayList<>();
        DefaultRules.load().forEach(r -> rules.add(r.id()));
        for (int i = 0; i < USER_RULES; i++) {
            rules.add(String.format(Locale.ROOT, "user-rule-%03d", i));
        }
        this.ruleIds = List.copyOf(rules);
        List<String> outlets = new ArrayList<>();
        for (int i = 0; i < SOURCES; i++) {
            outlets.add(String.format(Locale.ROOT, "outlet-%02d", i));
        }
        this.sources = List.copyOf(outlets);
    }

    /**
     * {@code count} subscriptions with webhook channels to {@code target}: 45% by one to three entities, 20% by one
     * or two rules with a minimum score, 6% by side, 10% storyline only (half of them also by source), 12% by one
     * to three sources, 5% by entity and side, 2% without filters; one in five asks for at least medium severity.
     */
    public List<Subscription> subscriptions(int count, long seed, String target) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Subscription> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            List<String> rules = List.of();
            List<String> entityIds = List.of();
            List<String> wantedSides = List.of();
            List<String> wantedSources = List.of();
            boolean storylineOnly = false;
            double minScore = 0;
            if (kind < 45) {
                entityIds = pick(random, entities.stream().map(Entity::id).toList(), 1 + random.nextInt(3));
            } else if (kind < 65) {
                rules = pick(random, ruleIds, 1 + random.nextInt(2));
                minScore = random.nextInt(9) / 10.0;
            } else if (kind < 71) {
                wantedSides = pick(random, sides, 1);
            } else if (kind < 81) {
                storylineOnly = true;
                wantedSources = random.nextBoolean() ? pick(random, sources, 1 + random.nextInt(3)) : List.of();
            } else if (kind < 93) {
                wantedSources = pick(random, sources, 1 + random.nextInt(3));
            } else if (kind < 98) {
                entityIds = pick(random, entities.stream().map(Entity::id).toList(), 1 + random.nextInt(2));
                wantedSides = pick(random, sides, 1);
            }
            String severity = random.nextInt(5) == 0 ? "medium" : "low";
            String id = String.format(Locale.ROOT, "sub-%05d", i);
            result.add(new Subscription(id, "owner-" + (i % 100), id, rules, entityIds, wantedSides, storylineOnly,
                    minScore, List.of(new Subscription.Channel("webhook", target)), wantedSources, List.of(), severity,
                    "", null, 0));
        }
        return result;
    }

    /**
     * One match per snippet of a JSONL file of {@code {id,title,body}} objects (such as
     * {@code storyline/dev.jsonl}), recognised by the bundled gazetteer, repeated with fresh article ids until there
     * are {@code count}.
     */
    public List<Match> matchesFrom(Path jsonl, int count, long seed) {
        EntityRecognizer recognizer = new EntityRecognizer(Gazetteer.loadDefault());
        StorylineDecision decision = new StorylineDecision();
        List<String[]> snippets = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = Json.mapper().readTree(line);
                    snippets.add(new String[] {node.path("title").asText(""), node.path("body").asText("")});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl + ": " + e.getMessage(), e);
        }
        if (snippets.isEmpty()) {
            throw new IllegalArgumentException("no snippets in " + jsonl);
        }
        List<List<EntityHit>> hits = new ArrayList<>();
        List<Boolean> storyline = new ArrayList<>();
        for (String[] s : snippets) {
            List<EntityHit> found = recognizer.recognise(s[0], s[1]);
            hits.add(found);
            storyline.add(decision.inStoryline(found, s[0], s[1]));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Match> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int k = i % snippets.size();
            result.add(match(random, i, snippets.get(k)[0], hits.get(k), storyline.get(k)));
        }
        return result;
    }

    /** {@code count} matches naming one to four random entities; a third of them in the storyline. */
    public List<Match> syntheticMatches(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Match> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<EntityHit> hits = new ArrayList<>();
            for (Entity e : pickEntities(random, 1 + random.nextInt(4))) {
                hits.add(new EntityHit(e.id(), e.labelEn(), e.side(), e.type(),
                        List.of(new Mention("title", 0, e.labelAr().length(), e.labelAr(), 1.0, "alias"))));
            }
            result.add(match(random, i, "عنوان " + i, hits, random.nextInt(3) == 0));
        }
        return result;
    }

    private Match match(SplittableRandom random, int i, String title, List<EntityHit> hits, boolean storyline) {
        List<RuleHit> rules = new ArrayList<>();
        if (storyline) {
            rules.add(new RuleHit(DefaultRules.STORYLINE, "Sahel–Libya storyline", "high", 1.0, List.of()));
        }
        for (String id : pick(random, ruleIds, 1 + random.nextInt(3))) {
            if (!id.equals(DefaultRules.STORYLINE)) {
                String severity = List.of("low", "medium", "high", "critical").get(random.nextInt(4));
                rules.add(new RuleHit(id, id, severity, 0.3 + random.nextInt(8) / 10.0, List.of()));
            }
        }
        String articleId = String.format(Locale.ROOT, "bench-%07d", i);
        Instant now = Instant.parse("2026-11-20T08:00:00Z").plus(Duration.ofSeconds(i));
        return new Match(articleId, "story-" + (i / 3), i % 3 == 0, sources.get(random.nextInt(sources.size())),
                "feed-bench", "https://example.org/" + articleId, title, "ar", now, now, now, hits, rules, storyline,
                "");
    }

    private List<Entity> pickEntities(SplittableRandom random, int n) {
        List<Entity> chosen = new ArrayList<>();
        while (chosen.size() < Math.min(n, entities.size())) {
            Entity e = entities.get(random.nextInt(entities.size()));
            if (!chosen.contains(e)) {
                chosen.add(e);
            }
        }
        return chosen;
    }

    private static List<String> pick(SplittableRandom random, List<String> from, int n) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < Math.min(n, from.size())) {
            String s = from.get(random.nextInt(from.size()));
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return List.copyOf(chosen);
    }
}
