package org.raqib.streams.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.json.Json;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.storyline.StorylineDecision;

class JsonlMatcherTest {

    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(Gazetteer.loadDefault());

    private static List<JsonNode> run(JsonlMatcher matcher, String input) throws IOException {
        StringWriter out = new StringWriter();
        matcher.match(new BufferedReader(new StringReader(input)), out);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    @Test
    void writesOneResultPerLineInOrderWithMentionOffsets() throws IOException {
        String input = """
                {"id":"a1","title":"حفتر يستقبل وفدا من النيجر","body":"وصل الوفد لليبيا أمس","extra":1}
                {"id":"a2","title":"الوضع المالي مستقر","body":""}
                """;
        List<JsonNode> out = run(new JsonlMatcher(RECOGNIZER, new StorylineDecision()), input);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).path("id").asText()).isEqualTo("a1");
        assertThat(out.get(0).path("storyline").asBoolean()).isTrue();
        assertThat(out.get(0).path("rules").isArray()).isTrue();
        JsonNode libya = null;
        for (JsonNode e : out.get(0).path("entities")) {
            if (e.path("id").asText().equals("LY")) {
                libya = e;
            }
        }
        assertThat(libya).isNotNull();
        assertThat(libya.path("label").asText()).isEqualTo("Libya");
        assertThat(libya.path("side").asText()).isEqualTo("libya");
        JsonNode mention = libya.path("mentions").get(0);
        assertThat(mention.path("field").asText()).isEqualTo("body");
        assertThat("وصل الوفد لليبيا أمس".substring(mention.path("start").asInt(), mention.path("end").asInt()))
                .isEqualTo("لليبيا").isEqualTo(mention.path("text").asText());
        assertThat(mention.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(out.get(1).path("entities")).isEmpty();
        assertThat(out.get(1).path("storyline").asBoolean()).isFalse();
    }

    @Test
    void reportsBadLinesInPlaceAndCarriesOn() throws IOException {
        String input = "not json\n{\"title\":\"ليبيا\"}\n\n[1]\n{\"id\":7,\"body\":\"تشاد\"}\n";
        List<JsonNode> out = run(new JsonlMatcher(RECOGNIZER, new StorylineDecision()), input);
        assertThat(out).hasSize(5);
        assertThat(out.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(out.get(0).path("error").asText()).contains("not valid JSON");
        assertThat(out.get(1).path("line").asInt()).isEqualTo(2);
        assertThat(out.get(1).path("error").asText()).contains("\"id\"");
        assertThat(out.get(2).path("line").asInt()).isEqualTo(3);
        assertThat(out.get(3).path("line").asInt()).isEqualTo(4);
        assertThat(out.get(4).path("id").asInt()).isEqualTo(7);
        assertThat(out.get(4).path("entities").get(0).path("id").asText()).isEqualTo("TD");
    }

    @Test
    void takesRuleHitsFromTheHook() throws IOException {
        RuleHits rules = (article, entities) -> entities.isEmpty() ? List.of()
                : List.of(new RuleHit("watch-" + article.id(), "watch", "high", 0.9, List.of()));
        JsonlMatcher matcher = new JsonlMatcher(RECOGNIZER, new StorylineDecision(), rules,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<JsonNode> out = run(matcher, "{\"id\":\"x\",\"title\":\"تشاد\"}\n");
        assertThat(out.get(0).path("rules").get(0).path("id").asText()).isEqualTo("watch-x");
        assertThat(out.get(0).path("rules").get(0).path("score").asDouble()).isEqualTo(0.9);
    }
}
