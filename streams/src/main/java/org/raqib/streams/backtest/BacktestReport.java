package org.raqib.streams.backtest;

import java.util.List;
import org.raqib.core.model.Mention;

/**
 * The result of a backtest, written as {@code backtest.json}. Every list is sorted and nothing depends on the wall
 * clock, so the same articles and rules always give byte-identical JSON. Field names are a contract for tools that
 * read the file.
 *
 * @param from start of the range, inclusive, ISO-8601, or {@code ""} when the whole input was read
 * @param to end of the range, exclusive, ISO-8601, or {@code ""}
 * @param articles records read
 * @param deadLetters records the topology could not process
 * @param matchedArticles articles at least one candidate rule matched
 * @param baseline {@code "none"}, {@code "current"} (the rules on {@code raqib.rules}) or the baseline file
 * @param rules one line per rule of the candidate or the baseline, by id
 * @param hitsPerDay hits per rule per UTC publication day, by rule then day
 * @param topEntities the most mentioned entities among matched articles, most articles first
 * @param samples up to {@value BacktestReports#SAMPLES_PER_RULE} hits per rule, by rule then article id
 * @param diff hits the candidate adds and loses against the baseline
 */
public record BacktestReport(
        String from,
        String to,
        long articles,
        long deadLetters,
        long matchedArticles,
        String baseline,
        List<RuleLine> rules,
        List<DayCount> hitsPerDay,
        List<EntityCount> topEntities,
        List<Sample> samples,
        Diff diff) {

    public BacktestReport {
        rules = List.copyOf(rules);
        hitsPerDay = List.copyOf(hitsPerDay);
        topEntities = List.copyOf(topEntities);
        samples = List.copyOf(samples);
    }

    /**
     * One rule's totals.
     *
     * @param id rule id
     * @param name human name
     * @param severity severity
     * @param inCandidate whether the candidate rules have it
     * @param inBaseline whether the baseline rules have it
     * @param hits articles it matched with the candidate rules
     * @param baselineHits articles it matched with the baseline rules
     * @param added articles it matches now and did not in the baseline
     * @param lost articles it matched in the baseline and does not now
     */
    public record RuleLine(String id, String name, String severity, boolean inCandidate, boolean inBaseline, long hits,
            long baselineHits, long added, long lost) {}

    /**
     * Hits of one rule on one day.
     *
     * @param rule rule id
     * @param day UTC publication date {@code yyyy-MM-dd}, or {@code "unknown"}
     * @param hits articles matched
     */
    public record DayCount(String rule, String day, long hits) {}

    /**
     * One entity's share of the matched articles.
     *
     * @param id entity id
     * @param label English label
     * @param articles matched articles naming it
     * @param mentions mentions across those articles
     */
    public record EntityCount(String id, String label, long articles, long mentions) {}

    /**
     * One example hit.
     *
     * @param rule rule id
     * @param articleId article id
     * @param publishedAt publication time, ISO-8601, or {@code ""}
     * @param source outlet
     * @param url address
     * @param title title as published
     * @param snippet extract around the strongest mention
     * @param titleMentions mentions in the title, with offsets into {@code title}
     * @param mentionTexts the mentioned words of the whole article, to mark in the snippet
     * @param terms the rule terms that matched
     */
    public record Sample(String rule, String articleId, String publishedAt, String source, String url, String title,
            String snippet, List<Mention> titleMentions, List<String> mentionTexts, List<String> terms) {

        public Sample {
            titleMentions = List.copyOf(titleMentions);
            mentionTexts = List.copyOf(mentionTexts);
            terms = List.copyOf(terms);
        }
    }

    /**
     * The difference against the baseline, on (rule, article) hits.
     *
     * @param added hits the candidate has and the baseline had not
     * @param lost hits the baseline had and the candidate has not
     * @param addedExamples up to {@value BacktestReports#DIFF_EXAMPLES} added hits, by rule then article
     * @param lostExamples up to {@value BacktestReports#DIFF_EXAMPLES} lost hits, by rule then article
     */
    public record Diff(long added, long lost, List<Sample> addedExamples, List<Sample> lostExamples) {

        public Diff {
            addedExamples = List.copyOf(addedExamples);
            lostExamples = List.copyOf(lostExamples);
        }
    }
}
