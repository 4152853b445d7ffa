package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Rule;

class RuleValidatorTest {

    @Test
    void acceptsAValidRule() {
        assertThat(RuleValidator.problems(new Rule("haftar-sahel", "Haftar and the Sahel", "", "high",
                "entity:KHALIFA_HAFTAR AND side:sahel", List.of()))).isEmpty();
    }

    @Test
    void listsEveryProblemOfARule() {
        List<String> problems = RuleValidator.problems(new Rule("bad id!", " ", "", "urgent", "وفد AND", List.of()));
        assertThat(problems).hasSize(4);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("rule id 'bad id!' must be"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("severity 'urgent'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("the name is empty"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("line 1, column 8").contains("AND needs"));
    }

    @Test
    void rejectsAQueryThatOnlyExcludes() {
        assertThat(RuleValidator.problems(new Rule("r", "R", "", "low", "NOT وفد", List.of())))
                .singleElement().asString().contains("matches almost every article");
    }

    @Test
    void rejectsKeywordsWithoutLetters() {
        assertThat(RuleValidator.problems(new Rule("r", "R", "", "low", "وفد AND ،", List.of())))
                .singleElement().asString().contains("no letters or digits");
        assertThat(RuleValidator.problems(new Rule("r", "R", "", "low", "وفد", List.of()), new SimpleAnalysis()))
                .isEmpty();
    }
}
