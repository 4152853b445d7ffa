package org.raqib.streams.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.raqib.core.json.Json;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.storyline.StorylineDecision;

/**
 * Runs recognition over JSONL: one object per input line with {@code id} (required, a string or number),
 * {@code title}, {@code body}, and optionally {@code lang}, {@code url}, {@code publishedAt} (ISO-8601); other
 * fields are ignored. Writes exactly one line per input line, in order:
 * {@code {"id":…,"entities":[{"id":"LY","label":"Libya","side":"libya","mentions":[{"field":"body","start":12,
 * "end":19,"text":"لليبيا","confidence":0.97,"reason":"alias"}]}],"rules":[{"id":…,"score":…}],"storyline":true}}.
 * A line that is not a JSON object or lacks {@code id} gives {@code {"line":N,"error":"…"}} (N counts from 1) and
 * the run goes on. Thread-safe if its collaborators are; each call to {@link #match} streams its own input.
 */
public final class JsonlMatcher {

    private final EntityRecognizer recognizer;
    private final StorylineDecision storyline;
    private final RuleHits rules;
    private final boolean rulesDecideStoryline;

    /** The id of the rule whose hit puts an article in the storyline. */
    static final String STORYLINE_RULE = "storyline";
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    /** A matcher without rules: every result has an empty {@code rules} list. */
    public JsonlMatcher(EntityRecognizer recognizer, StorylineDecision storyline) {
        this(recognizer, storyline, RuleHits.NONE, Clock.systemUTC());
    }

    /**
     * @param rules supplies each article's rule hits ({@link RuleHits#NONE} for none)
     * @param clock stamps the articles handed to {@code rules} as fetched now
     */
    public JsonlMatcher(EntityRecognizer recognizer, StorylineDecision storyline, RuleHits rules, Clock clock) {
        this(recognizer, storyline, rules, false, clock);
    }

    /**
     * @param rules supplies each article's rule hits
     * @param rulesDecideStoryline whether {@code rules} include the {@code storyline} rule, whose hit then decides
     *     {@code "storyline"} instead of {@code storyline}
     * @param clock stamps the articles handed to {@code rules} as fetched now
     */
    public JsonlMatcher(EntityRecognizer recognizer, StorylineDecision storyline, RuleHits rules,
            boolean rulesDecideStoryline, Clock clock) {
        this.recognizer = recognizer;
        this.storyline = storyline;
        this.rules = rules;
        this.rulesDecideStoryline = rulesDecideStoryline;
        this.clock = clock;
    }

    /**
     * Reads every line of {@code in} and writes one result line per input line to {@code out}.
     *
     * @throws UncheckedIOException when reading or writing fails
     */
    public MatchSummary match(BufferedReader in, Writer out) {
        long lines = 0;
        long errors = 0;
        long inStoryline = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                ObjectNode result = matchLine(line, lines);
                if (result.has("error")) {
                    errors++;
                } else if (result.path("storyline").asBoolean()) {
                    inStoryline++;
                }
                out.write(mapper.writeValueAsString(result));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("matching stopped after line " + lines + ": " + e.getMessage(), e);
        }
        return new MatchSummary(lines, errors, inStoryline);
    }

    /** The result object for one input line ({@code lineNumber} counts from 1 and only appears in errors). */
    public ObjectNode matchLine(String line, long lineNumber) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return error(lineNumber, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(lineNumber, line.isBlank() ? "empty line; expected a JSON object"
                    : "expected a JSON object with an \"id\"");
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
            return error(lineNumber, "missing \"id\" (a non-empty string or number)");
        }
        String title = text(node, "title");
        String body = text(node, "body");
        List<EntityHit> hits = recognizer.recognise(title, body);
        List<RuleHit> ruleHits;
        try {
            Article article = new Article(id.asText(), "match", "match", text(node, "url"), title, "", body,
                    text(node, "lang"), published(node), Instant.now(clock));
            ruleHits = rules.hits(article, hits);
        } catch (RuntimeException e) {
            return error(lineNumber, "rules failed: " + e.getMessage());
        }
        ObjectNode result = mapper.createObjectNode();
        result.set("id", id);
        ArrayNode entities = result.putArray("entities");
        for (EntityHit hit : hits) {
            ObjectNode entity = entities.addObject();
            entity.put("id", hit.id());
            entity.put("label", hit.label());
            entity.put("side", hit.side());
            entity.put("type", hit.type());
            ArrayNode mentions = entity.putArray("mentions");
            for (Mention m : hit.mentions()) {
                ObjectNode mention = mentions.addObject();
                mention.put("field", m.field());
                mention.put("start", m.start());
                mention.put("end", m.end());
                mention.put("text", m.text());
                mention.put("confidence", m.confidence());
                mention.put("reason", m.reason());
            }
        }
        ArrayNode ruleArray = result.putArray("rules");
        for (RuleHit hit : ruleHits) {
            ObjectNode rule = ruleArray.addObject();
            rule.put("id", hit.id());
            rule.put("score", hit.score());
        }
        // The rule pack's storyline rule decides when the pack has one (the default pack does); otherwise the
        // first, Java version of the decision.
        boolean inStoryline = rulesDecideStoryline
                ? ruleHits.stream().anyMatch(h -> h.id().equals(STORYLINE_RULE))
                : storyline.inStoryline(hits, title, body);
        result.put("storyline", inStoryline);
        return result;
    }

    private ObjectNode error(long lineNumber, String message) {
        ObjectNode error = mapper.createObjectNode();
        error.put("line", lineNumber);
        error.put("error", message);
        return error;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText("");
    }

    private static Instant published(JsonNode node) {
        String value = text(node, "publishedAt");
        if (value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // publishedAt is informative here; a malformed one must not cost the analyst the line
            return null;
        }
    }
}
