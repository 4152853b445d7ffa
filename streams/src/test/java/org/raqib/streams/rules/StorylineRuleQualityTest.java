package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.raqib.core.json.Json;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.storyline.StorylineDecision;

/**
 * The default pack's {@code storyline} rule on the labelled dev set ({@code storyline/dev.jsonl}), with the real
 * recogniser and text analyser, compared with the Java {@link StorylineDecision} on the same entities. Prints the
 * figures recorded in {@code docs/quality.md} and every remaining error.
 */
class StorylineRuleQualityTest {

    @Test
    void storylineRuleDoesAtLeastAsWellAsTheJavaDecisionOnTheDevSet() throws IOException {
        String shared = System.getProperty("raqib.shared", "");
        Path dev = Path.of(shared, "storyline", "dev.jsonl");
        Assumptions.assumeTrue(!shared.isEmpty() && Files.isRegularFile(dev),
                "the shared material (system property raqib.shared) has no storyline/dev.jsonl");
        EntityRecognizer recognizer = new EntityRecognizer(Gazetteer.loadDefault());
        TextAnalysis analysis = TokenAnalysis.standard();
        CompiledRules rules = CompiledRules.compile(DefaultRules.load(), analysis);
        StorylineDecision decision = new StorylineDecision();
        int[] rule = new int[3];
        int[] java = new int[3];
        List<String> errors = new ArrayList<>();
        for (String line : Files.readAllLines(dev, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = Json.mapper().readTree(line);
            String id = node.path("id").asText();
            String title = node.path("title").asText("");
            String body = node.path("body").asText("");
            boolean want = node.path("storyline").asBoolean();
            List<EntityHit> entities = recognizer.recognise(title, body);
            Article article = new Article(id, "dev", "dev", "", title, "", body, "ar", null, Instant.EPOCH);
            boolean got = rules.match(AnalyzedArticle.of(article, entities, analysis)).stream()
                    .anyMatch(h -> h.id().equals(DefaultRules.STORYLINE));
            count(rule, want, got);
            count(java, want, decision.inStoryline(entities, title, body));
            if (want != got) {
                errors.add(id + (got ? " false positive " : " false negative ")
                        + entities.stream().map(e -> e.id() + "/" + e.side()).toList());
            }
        }
        double[] r = prf(rule);
        double[] j = prf(java);
        System.out.printf(Locale.ROOT, "storyline rule     P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)%n", r[0], r[1],
                r[2], rule[0], rule[1], rule[2]);
        System.out.printf(Locale.ROOT, "StorylineDecision  P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)%n", j[0], j[1],
                j[2], java[0], java[1], java[2]);
        errors.forEach(System.out::println);
        assertThat(r[2]).as("storyline rule F1").isGreaterThanOrEqualTo(0.95).isGreaterThanOrEqualTo(j[2]);
    }

    private static void count(int[] tpFpFn, boolean want, boolean got) {
        if (want && got) {
            tpFpFn[0]++;
        } else if (got) {
            tpFpFn[1]++;
        } else if (want) {
            tpFpFn[2]++;
        }
    }

    private static double[] prf(int[] c) {
        double p = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new double[] {p, r, f};
    }
}
