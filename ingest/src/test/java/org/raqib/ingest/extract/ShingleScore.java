package org.raqib.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Article Extraction Benchmark's metric, as its {@code evaluate.py} computes it: per page, true/false positives
 * and negatives over 4-token shingles of {@code \w+} tokens, normalised to sum 1; precision and recall are means
 * over pages, F1 their harmonic mean.
 */
final class ShingleScore {

    /**
     * Python's {@code \w} on {@code str}: letters, numbers and the underscore. Java's Unicode {@code \w} would also
     * take combining marks (Arabic harakat among them) and connector punctuation, and so tokenise differently.
     */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final List<double[]> pages = new ArrayList<>();

    private final List<String> ids = new ArrayList<>();

    void add(String id, String truth, String predicted) {
        ids.add(id);
        Map<List<String>, Integer> t = shingles(truth);
        Map<List<String>, Integer> p = shingles(predicted);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        for (List<String> key : keys) {
            int tc = t.getOrDefault(key, 0);
            int pc = p.getOrDefault(key, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double s = tp + fp + fn;
        pages.add(s > 0 ? new double[] {tp / s, fp / s, fn / s} : new double[] {0, 0, 0});
    }

    /** The {@code n} pages with the lowest per-page F1, for whoever tunes the extractor next. */
    List<String> worst(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            double[] x = pages.get(i);
            double p = x[0] + x[1] == 0 ? 0 : x[0] / (x[0] + x[1]);
            double r = x[0] + x[2] == 0 ? 0 : x[0] / (x[0] + x[2]);
            lines.add(String.format(java.util.Locale.ROOT, "%.3f %s precision=%.2f recall=%.2f",
                    p + r == 0 ? 0 : 2 * p * r / (p + r), ids.get(i), p, r));
        }
        lines.sort(null);
        return lines.subList(0, Math.min(n, lines.size()));
    }

    double precision() {
        return pages.stream().filter(x -> x[0] + x[1] > 0).mapToDouble(x -> x[1] == 0 && x[2] == 0 ? 1 : x[0] / (x[0] + x[1]))
                .average().orElse(0);
    }

    double recall() {
        return pages.stream().filter(x -> x[0] + x[2] > 0).mapToDouble(x -> x[1] == 0 && x[2] == 0 ? 1 : x[0] / (x[0] + x[2]))
                .average().orElse(0);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - 4 + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + 4));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }
}
