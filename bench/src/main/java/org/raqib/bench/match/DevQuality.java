package org.raqib.bench.match;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.raqib.core.json.Json;

/**
 * Entity micro precision, recall and F1 on labelled snippets ({@code storyline/dev.jsonl}: {@code id, title, body,
 * entities[]}), comparing each snippet's SET of entity ids with the labels.
 */
public final class DevQuality {

    /**
     * The scores of one engine.
     *
     * @param truePositives entity ids found and labelled
     * @param falsePositives found, not labelled
     * @param falseNegatives labelled, not found
     */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision=%.3f recall=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", precision(),
                    recall(), f1(), truePositives, falsePositives, falseNegatives);
        }
    }

    private DevQuality() {}

    /** Scores {@code engine} (title, body → entity ids) on the labelled lines of {@code file}. */
    public static Score score(Path file, BiFunction<String, String, Set<String>> engine) throws IOException {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = Json.mapper().readTree(line);
            Set<String> truth = new HashSet<>();
            node.path("entities").forEach(e -> truth.add(e.asText()));
            Set<String> found = engine.apply(node.path("title").asText(""), node.path("body").asText(""));
            for (String id : found) {
                if (truth.contains(id)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (String id : truth) {
                if (!found.contains(id)) {
                    fn++;
                }
            }
        }
        return new Score(tp, fp, fn);
    }
}
