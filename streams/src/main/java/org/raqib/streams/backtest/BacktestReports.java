package org.raqib.streams.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.raqib.core.json.Json;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Match;
import org.raqib.core.model.Mention;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;

/** Builds a {@link BacktestReport} from the runs of the candidate and (optionally) the baseline rules, and writes it. */
public final class BacktestReports {

    /** Example hits kept per rule. */
    public static final int SAMPLES_PER_RULE = 3;
    /** Examples kept of added and of lost hits. */
    public static final int DIFF_EXAMPLES = 20;
    /** Entities listed. */
    public static final int TOP_ENTITIES = 20;

    private BacktestReports() {}

    /**
     * The report of {@code candidate} against {@code baseline}.
     *
     * @param from range start, or empty for a whole file
     * @param to range end, or empty
     * @param baselineName {@code "none"}, {@code "current"} or the baseline file, as the user gave it
     */
    public static BacktestReport of(Optional<Instant> from, Optional<Instant> to, BacktestRun candidate,
            Optional<BacktestRun> baseline, String baselineName) {
        Map<String, Match> now = byArticle(candidate.matches());
        Map<String, Match> before = baseline.map(b -> byArticle(b.matches())).orElse(Map.of());
        Set<String> nowHits = hits(now);
        Set<String> beforeHits = hits(before);

        Map<String, Rule> rulesById = new TreeMap<>();
        baseline.ifPresent(b -> b.rules().forEach(r -> rulesById.put(r.id(), r)));
        candidate.rules().forEach(r -> rulesById.put(r.id(), r));
        Set<String> candidateIds = new TreeSet<>();
        candidate.rules().forEach(r -> candidateIds.add(r.id()));
        Set<String> baselineIds = new TreeSet<>();
        baseline.ifPresent(b -> b.rules().forEach(r -> baselineIds.add(r.id())));

        List<BacktestReport.RuleLine> lines = new ArrayList<>();
        for (Rule rule : rulesById.values()) {
            String prefix = rule.id() + "\u0000";
            long hits = nowHits.stream().filter(h -> h.startsWith(prefix)).count();
            long baseHits = beforeHits.stream().filter(h -> h.startsWith(prefix)).count();
            long added = baseline.isEmpty() ? 0
                    : nowHits.stream().filter(h -> h.startsWith(prefix) && !beforeHits.contains(h)).count();
            long lost = beforeHits.stream().filter(h -> h.startsWith(prefix) && !nowHits.contains(h)).count();
            lines.add(new BacktestReport.RuleLine(rule.id(), rule.name(), rule.severity(), candidateIds.contains(rule.id()),
                    baselineIds.contains(rule.id()), hits, baseHits, added, lost));
        }

        Map<String, Long> perDay = new TreeMap<>();
        Map<String, long[]> entityCounts = new TreeMap<>();
        Map<String, String> entityLabels = new HashMap<>();
        Map<String, List<BacktestReport.Sample>> samples = new TreeMap<>();
        for (Match match : now.values()) {
            for (RuleHit hit : sortedRules(match)) {
                perDay.merge(hit.id() + "\u0000" + day(match), 1L, Long::sum);
                List<BacktestReport.Sample> kept = samples.computeIfAbsent(hit.id(), k -> new ArrayList<>());
                if (kept.size() < SAMPLES_PER_RULE) {
                    kept.add(sample(hit, match));
                }
            }
            for (EntityHit entity : match.entities()) {
                long[] counts = entityCounts.computeIfAbsent(entity.id(), k -> new long[2]);
                counts[0]++;
                counts[1] += entity.mentions().size();
                entityLabels.putIfAbsent(entity.id(), entity.label());
            }
        }
        List<BacktestReport.DayCount> days = perDay.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\u0000", 2);
            return new BacktestReport.DayCount(parts[0], parts[1], e.getValue());
        }).toList();
        List<BacktestReport.EntityCount> entities = entityCounts.entrySet().stream()
                .map(e -> new BacktestReport.EntityCount(e.getKey(), entityLabels.get(e.getKey()), e.getValue()[0],
                        e.getValue()[1]))
                .sorted(Comparator.comparingLong(BacktestReport.EntityCount::articles).reversed()
                        .thenComparing(BacktestReport.EntityCount::id))
                .limit(TOP_ENTITIES)
                .toList();

        BacktestReport.Diff diff = new BacktestReport.Diff(
                baseline.isEmpty() ? 0 : nowHits.stream().filter(h -> !beforeHits.contains(h)).count(),
                beforeHits.stream().filter(h -> !nowHits.contains(h)).count(),
                baseline.isEmpty() ? List.of() : examples(nowHits, beforeHits, now),
                examples(beforeHits, nowHits, before));

        return new BacktestReport(from.map(Instant::toString).orElse(""), to.map(Instant::toString).orElse(""),
                candidate.articles(), candidate.deadLetters(), now.size(), baselineName, lines, days, entities,
                samples.values().stream().flatMap(List::stream).toList(), diff);
    }

    /** The report as pretty-printed JSON (UTF-8 when written), the same bytes for the same report. */
    public static String json(BacktestReport report) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the backtest report as JSON", e);
        }
    }

    /** Last match per article id (a story copy cannot be written twice, but a replayed range could). */
    private static Map<String, Match> byArticle(List<Match> matches) {
        Map<String, Match> byId = new TreeMap<>();
        matches.forEach(m -> byId.put(m.articleId(), m));
        return byId;
    }

    /** Hits as "rule NUL article", sorted. */
    private static Set<String> hits(Map<String, Match> matches) {
        Set<String> hits = new TreeSet<>();
        matches.values().forEach(m -> m.rules().forEach(r -> hits.add(r.id() + "\u0000" + m.articleId())));
        return hits;
    }

    private static List<BacktestReport.Sample> examples(Set<String> in, Set<String> notIn, Map<String, Match> matches) {
        return in.stream().filter(h -> !notIn.contains(h)).limit(DIFF_EXAMPLES).map(h -> {
            String[] parts = h.split("\u0000", 2);
            Match match = matches.get(parts[1]);
            RuleHit hit = match.rules().stream().filter(r -> r.id().equals(parts[0])).findFirst().orElseThrow();
            return sample(hit, match);
        }).toList();
    }

    private static List<RuleHit> sortedRules(Match match) {
        return match.rules().stream().sorted(Comparator.comparing(RuleHit::id)).toList();
    }

    private static String day(Match match) {
        return match.publishedAt() == null ? "unknown" : match.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static BacktestReport.Sample sample(RuleHit hit, Match match) {
        List<Mention> inTitle = new ArrayList<>();
        Set<String> texts = new TreeSet<>();
        for (EntityHit entity : match.entities()) {
            for (Mention m : entity.mentions()) {
                if (m.field().equals("title")) {
                    inTitle.add(m);
                }
                if (!m.text().isBlank()) {
                    texts.add(m.text());
                }
            }
        }
        inTitle.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return new BacktestReport.Sample(hit.id(), match.articleId(),
                match.publishedAt() == null ? "" : match.publishedAt().toString(), match.source(), match.url(),
                match.title(), match.snippet(), inTitle, List.copyOf(texts), hit.terms());
    }
}
