package org.raqib.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raqib.app.Raqib;

class MatchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Raqib.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesOneResultLinePerInputLineAndReportsBadLines() throws IOException {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.writeString(input, """
                {"id":"a","title":"صدام حفتر في نيامي","body":"بحث التعاون العسكري مع المجلس العسكري في النيجر"}
                not json
                {"id":"b","title":"الوضع المالي مستقر"}
                """, StandardCharsets.UTF_8);
        assertThat(run("match", "--input", input.toString(), "--output", output.toString())).isZero();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"id\":\"a\"").contains("\"SADDAM_HAFTAR\"").endsWith("\"storyline\":true}");
        assertThat(lines.get(1)).startsWith("{\"line\":2,\"error\":");
        assertThat(lines.get(2)).contains("\"entities\":[]").endsWith("\"storyline\":false}");
        assertThat(out.toString()).contains("matched 3 line(s): 1 error(s), 1 in the storyline");
    }

    @Test
    void decidesTheStorylineWithTheDefaultPacksStorylineRuleWhenNoRulesAreGiven() throws IOException {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.writeString(input, """
                {"id":"in","title":"وفد ليبي في نيامي","body":"زار وفد من القيادة العامة في بنغازي العاصمة نيامي لبحث التعاون الأمني مع المجلس العسكري في النيجر"}
                {"id":"out","title":"مالي","body":"أعلنت وزارة المالية عن دعم مالي جديد للقطاع الخاص"}
                """, StandardCharsets.UTF_8);

        assertThat(run("match", "--input", input.toString(), "--output", output.toString())).isZero();

        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("{\"id\":\"storyline\"").endsWith("\"storyline\":true}");
        assertThat(lines.get(1)).contains("\"rules\":[]").endsWith("\"storyline\":false}");
    }

    @Test
    void addsTheHitsOfRulesGivenWithRules() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        try (var in = MatchCommandTest.class.getResourceAsStream("/org/raqib/streams/rules/default/storyline.yaml")) {
            Files.write(rules, in.readAllBytes());
        }
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.writeString(input, "{\"id\":\"a\",\"title\":\"صدام حفتر في نيامي\",\"body\":\"بحث التعاون العسكري\"}\n",
                StandardCharsets.UTF_8);
        assertThat(run("match", "--rules", rules.toString(), "--input", input.toString(), "--output",
                output.toString())).isZero();
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("\"rules\":[{\"id\":\"storyline\"");
    }

    @Test
    void failsWithOneLineWhenTheInputIsMissing() {
        assertThat(run("match", "--input", dir.resolve("missing.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: no such file").doesNotContain("Exception");
    }

    @Test
    void rejectsAnInvalidGazetteerNamingFileAndLine() throws IOException {
        Path gazetteer = dir.resolve("g.tsv");
        Files.writeString(gazetteer, "A\tcountry\tmars\tA\tليبيا\t\t\t\n", StandardCharsets.UTF_8);
        assertThat(run("match", "--gazetteer", gazetteer.toString(), "--input", gazetteer.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + gazetteer + ":1: unknown side 'mars'");
    }
}
