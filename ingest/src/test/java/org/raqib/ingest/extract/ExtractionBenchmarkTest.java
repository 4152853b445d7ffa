package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.raqib.core.json.Json;

/**
 * Scores the extractor on the public Article Extraction Benchmark (181 pages, ../shared/benchmarks) with that
 * benchmark's own metric, and keeps the figure from falling. The measured figure is recorded in docs/quality.md.
 */
class ExtractionBenchmarkTest {

    @Test
    void extractsTheBenchmarksArticleBodiesWithHighShingleF1() throws IOException {
        Path dir = Path.of(System.getProperty("raqib.shared", "../../shared"), "benchmarks", "article-extraction");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/benchmarks/article-extraction is not here: " + dir);
        JsonNode truth = Json.mapper().readTree(dir.resolve("ground-truth.json").toFile());
        ArticleExtractor extractor = new ArticleExtractor();
        ShingleScore score = new ShingleScore();
        Iterator<Map.Entry<String, JsonNode>> pages = truth.fields();
        while (pages.hasNext()) {
            Map.Entry<String, JsonNode> page = pages.next();
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html/" + page.getKey() + ".html.gz")))) {
                html = in.readAllBytes();
            }
            String url = page.getValue().path("url").asText("https://example.org/");
            ExtractedPage extracted = extractor.extract(html, Optional.empty(), URI.create(url.replace(" ", "%20")));
            score.add(page.getKey(), page.getValue().path("articleBody").asText(""), extracted.body());
        }
        System.out.printf(Locale.ROOT, "article-extraction-benchmark: F1=%.3f precision=%.3f recall=%.3f%n",
                score.f1(), score.precision(), score.recall());
        score.worst(12).forEach(line -> System.out.println("  worst: " + line));

        assertThat(score.f1()).isGreaterThan(0.96);
    }
}
