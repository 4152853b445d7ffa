package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Rule;

class SyntheticRulesTest {

    @Test
    void generatesValidRulesThatCompileAndAreTheSameForTheSameSeed() {
        List<Rule> rules = SyntheticRules.generate(1_000, 3);
        assertThat(rules).hasSize(1_000).allSatisfy(r -> assertThat(RuleValidator.problems(r)).isEmpty());
        assertThat(SyntheticRules.generate(1_000, 3)).isEqualTo(rules);
        assertThat(CompiledRules.compile(rules, new SimpleAnalysis()).size()).isEqualTo(1_000);
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> SyntheticRules.generate(-1, 0)).hasMessageContaining("0 or more");
    }
}
