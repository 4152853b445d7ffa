package org.raqib.streams.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.raqib.core.json.Json;
import org.raqib.core.model.EntityHit;
import org.raqib.streams.storyline.StorylineDecision;

/**
 * Entity and storyline precision, recall and F1 on the labelled dev set ({@code storyline/dev.jsonl}), compared as
 * the set of entity ids per snippet. Prints every false positive and negative so regressions can be read.
 */
class RecognitionQualityTest {

    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(Gazetteer.loadDefault());
    private static final StorylineDecision STORYLINE = new StorylineDecision();

    @Test
    void meetsEntityAndStorylineTargetsOnTheDevSet() throws IOException {
        String shared = System.getProperty("raqib.shared", "");
        Path dev = Path.of(shared, "storyline", "dev.jsonl");
        Assumptions.assumeTrue(!shared.isEmpty() && Files.isRegularFile(dev),
                "the shared material (system property raqib.shared) has no storyline/dev.jsonl");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int stp = 0;
        int sfp = 0;
        int sfn = 0;
        List<String> report = new ArrayList<>();
        for (String line : Files.readAllLines(dev, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = Json.mapper().readTree(line);
            String title = node.path("title").asText("");
            String body = node.path("body").asText("");
            Set<String> expected = new TreeSet<>();
            node.path("entities").forEach(e -> expected.add(e.asText()));
            List<EntityHit> hits = RECOGNIZER.recognise(title, body);
            Set<String> actual = new TreeSet<>();
            hits.forEach(h -> actual.add(h.id()));
            for (String id : actual) {
                if (expected.contains(id)) {
                    tp++;
                } else {
                    fp++;
                    report.add(node.path("id").asText() + " FP " + id + " " + where(hits, id));
                }
            }
            for (String id : expected) {
                if (!actual.contains(id)) {
                    fn++;
                    report.add(node.path("id").asText() + " FN " + id);
                }
            }
            boolean want = node.path("storyline").asBoolean();
            boolean got = STORYLINE.inStoryline(hits, title, body);
            if (want && got) {
                stp++;
            } else if (got) {
                sfp++;
                report.add(node.path("id").asText() + " storyline FP " + actual);
            } else if (want) {
                sfn++;
                report.add(node.path("id").asText() + " storyline FN " + actual);
            }
        }
        double[] entity = prf(tp, fp, fn);
        double[] storyline = prf(stp, sfp, sfn);
        System.out.println(String.format(Locale.ROOT, "entities  P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)",
                entity[0], entity[1], entity[2], tp, fp, fn));
        System.out.println(String.format(Locale.ROOT, "storyline P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)",
                storyline[0], storyline[1], storyline[2], stp, sfp, sfn));
        report.forEach(System.out::println);
        assertThat(entity[2]).as("entity micro F1").isGreaterThanOrEqualTo(0.97);
        assertThat(storyline[2]).as("storyline F1").isGreaterThanOrEqualTo(0.95);
    }

    private static String where(List<EntityHit> hits, String id) {
        return hits.stream().filter(h -> h.id().equals(id)).findFirst()
                .map(h -> h.mentions().stream().map(m -> m.text() + "(" + m.reason() + ")").toList().toString())
                .orElse("");
    }

    private static double[] prf(int tp, int fp, int fn) {
        double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new double[] {p, r, f};
    }
}
