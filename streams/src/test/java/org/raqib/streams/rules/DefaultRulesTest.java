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
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;

class DefaultRulesTest {

    /** One example from {@code default-pack-examples.yaml}. */
    record Example(String rule, boolean matches, String title, String body, List<EntityHit> entities) {
        @Override
        public String toString() {
            return rule + (matches ? " matches " : " does not match ") + title;
        }
    }

    static List<Example> examples() throws IOException {
        try (InputStream in = DefaultRulesTest.class.getResourceAsStream("default-pack-examples.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, String[]> table = new TreeMap<>();
            root.get("entities").fields().forEachRemaining(e -> table.put(e.getKey(), e.getValue().asText().split(" ")));
            List<Example> out = new ArrayList<>();
            for (JsonNode ex : root.get("examples")) {
                List<EntityHit> entities = new ArrayList<>();
                for (JsonNode id : ex.get("entities")) {
                    String[] sideType = table.get(id.asText());
                    entities.add(new EntityHit(id.asText(), id.asText(), sideType[0], sideType[1],
                            List.of(new Mention("body", 0, 1, "x", 1.0, "alias"))));
                }
                out.add(new Example(ex.get("rule").asText(), ex.get("matches").asBoolean(), ex.get("title").asText(),
                        ex.get("body").asText(), entities));
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
        CompiledRules rules = CompiledRules.compile(DefaultRules.load(), new SimpleAnalysis());
        List<String> hits = rules.match(AnalyzedArticle.of(article(example.title(), example.body()),
                example.entities(), new SimpleAnalysis())).stream().map(RuleHit::id).toList();
        if (example.matches()) {
            assertThat(hits).contains(example.rule());
        } else {
            assertThat(hits).doesNotContain(example.rule());
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
