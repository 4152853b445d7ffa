package org.raqib.streams.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.raqib.core.config.StreamsSettings;
import org.raqib.core.kafka.Topics;
import org.raqib.core.testing.KafkaClusterExtension;
import org.raqib.core.model.Rule;
import org.raqib.streams.rules.RuleBook;
import org.raqib.streams.rules.TokenAnalysis;
import org.raqib.streams.topology.GazetteerRecognition;

/** A small JSONL archive with known hits, the rules that find them, and an engine with the real recogniser. */
final class Fixture {

    static final String JSONL = String.join("\n",
            "{\"id\":\"a1\",\"source\":\"alwasat\",\"url\":\"https://example.org/a1\",\"title\":\"تهريب عبر حدود النيجر\","
                    + "\"body\":\"ضبطت السلطات شحنة تهريب قرب الحدود مع النيجر في جنوب ليبيا\",\"publishedAt\":\"2024-08-10T09:00:00Z\"}",
            "{\"id\":\"a2\",\"source\":\"alwasat\",\"url\":\"https://example.org/a2\",\"title\":\"أسعار النفط\","
                    + "\"body\":\"ارتفعت أسعار النفط في الأسواق العالمية اليوم\",\"publishedAt\":\"2024-08-11T09:00:00Z\"}",
            "{\"id\":\"a3\",\"source\":\"libyaobserver\",\"url\":\"https://example.org/a3\",\"title\":\"الوقود المهرب\","
                    + "\"body\":\"عمليات تهريب الوقود مستمرة عبر الجنوب الليبي بحسب مصادر محلية\",\"publishedAt\":\"2024-08-12T10:00:00Z\"}",
            "{\"id\":\"a4\",\"source\":\"alwasat\",\"url\":\"https://example.org/a4\",\"title\":\"وفد من بنغازي في نيامي\","
                    + "\"body\":\"وصل وفد عسكري من بنغازي إلى نيامي عاصمة النيجر لبحث التعاون الأمني\",\"publishedAt\":\"2024-08-12T12:00:00Z\"}",
            "not json at all",
            "");

    static final Rule SMUGGLING = new Rule("smuggling", "Smuggling", "", "high", "تهريب", List.of());
    static final Rule NIGER = new Rule("niger", "Niger", "", "medium", "النيجر", List.of());
    static final Rule FUEL = new Rule("fuel", "Fuel", "", "low", "الوقود", List.of());

    static final StreamsSettings SETTINGS =
            new StreamsSettings("raqib-test", "unused", 0, 1, Duration.ofDays(7), Duration.ofDays(3));

    private Fixture() {}

    /** raqib.articles as imports need it: kept forever, since imported history is older than any retention. */
    static void createArticlesTopic(KafkaClusterExtension kafka, int partitions) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = kafka.admin()) {
            admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(Topics.ARTICLES.name(),
                    partitions, (short) 1).configs(java.util.Map.of("retention.ms", "-1")))).all().get();
        }
    }

    static Path write(Path dir) throws IOException {
        Path file = dir.resolve("fixture.jsonl");
        Files.writeString(file, JSONL, StandardCharsets.UTF_8);
        return file;
    }

    static BacktestEngine engine() {
        GazetteerRecognition recognition = GazetteerRecognition.standard();
        TokenAnalysis analysis = TokenAnalysis.standard();
        return new BacktestEngine(recognition, () -> new RuleBook(analysis, List.of()), SETTINGS);
    }

    /**
     * Five copies of fixtures/import/saudinewsnet-sample.json in {@code dir}, as JSON and zipped, each with URLs of
     * its own except the third, which repeats the first's with dates a year later.
     */
    static List<Path> saudiNewsNetFiles(Path dir) throws Exception {
        String sample = Files.readString(FileArticlesTest.resource("saudinewsnet-sample.json"), StandardCharsets.UTF_8);
        List<Path> archive = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String json = i == 2 ? sample.replace("http://", "http://copy0.").replace("\"2015-", "\"2016-")
                    : sample.replace("http://", "http://copy" + i + ".");
            Path file;
            if (i % 2 == 0) {
                file = Files.writeString(dir.resolve("day-" + i + ".json"), json, StandardCharsets.UTF_8);
            } else {
                file = dir.resolve("day-" + i + ".zip");
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                    zip.putNextEntry(new ZipEntry("day-" + i + ".json"));
                    zip.write(json.getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            archive.add(file);
        }
        return archive;
    }
}
