package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;

class DefaultRulesTest {

    private static final TextAnalysis ANALYSIS = TokenAnalysis.standard();
    private static final CompiledRules RULES = CompiledRules.compile(DefaultRules.load(), ANALYSIS);
    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(Gazetteer.loadDefault());

    /** One example from {@code default-pack-examples.yaml}. */
    record Example(String rule, boolean matches, String title, String body, List<String> entityIds) {
        @Override
        public String toString() {
            return rule + (matches ? " matches " : " does not match ") + title;
        }
    }

    static List<Example> examples() throws IOException {
        try (InputStream in = DefaultRulesTest.class.getResourceAsStream("default-pack-examples.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Example> out = new ArrayList<>();
            for (JsonNode ex : root.get("examples")) {
                List<String> ids = new ArrayList<>();
                ex.get("entities").forEach(id -> ids.add(id.asText()));
                out.add(new Example(ex.get("rule").asText(), ex.get("matches").asBoolean(), ex.get("title").asText(),
                        ex.get("body").asText(), ids));
            }
            return out;
        }
    }

    static Article article(String title, String body) {
        return new Article("example", "f", "example", "https://example.org/", title, "", body, "ar", null,
                Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void defaultRuleMatchesItsExamplesAndNotItsCounterExamples(Example example) {
        List<EntityHit> entities = RECOGNIZER.recognise(example.title(), example.body());
        assertThat(entities).extracting(EntityHit::id).as("what the recogniser finds in the example")
                .containsExactlyInAnyOrderElementsOf(example.entityIds());
        List<String> hits = RULES.match(AnalyzedArticle.of(article(example.title(), example.body()), entities,
                ANALYSIS)).stream().map(RuleHit::id).toList();
        String recognised = "recognised " + entities.stream().map(e -> e.id() + " " + e.mentions().stream()
                .map(m -> m.text()).toList()).toList();
        if (example.matches()) {
            assertThat(hits).as(recognised).contains(example.rule());
        } else {
            assertThat(hits).as(recognised).doesNotContain(example.rule());
        }
    }

    @Test
    void everyDefaultRuleHasAMatchingAndANonMatchingExample() throws IOException {
        Set<String> ids = DefaultRules.load().stream().map(Rule::id).collect(Collectors.toSet());
        Map<Boolean, Set<String>> covered = examples().stream().collect(Collectors.partitioningBy(Example::matches,
                Collectors.mapping(Example::rule, Collectors.toSet())));
        assertThat(covered.get(true)).containsAll(ids);
        assertThat(covered.get(false)).containsAll(ids);
    }

    @Test
    void defaultPackIsValidAndHasTheStorylineRule() {
        List<Rule> rules = DefaultRules.load();
        assertThat(rules).extracting(Rule::id).contains(DefaultRules.STORYLINE, "delegations-visits",
                "russian-forces-logistics", "migration-smuggling-routes", "aes-membership", "arms-trafficking",
                "oil-infrastructure");
        assertThat(rules).allSatisfy(r -> assertThat(RuleValidator.problems(r)).isEmpty());
        assertThat(DefaultRules.storyline().severity()).isEqualTo("medium");
    }
}
