package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.raqib.core.model.Rule;

/** Whatever an analyst types, the parser answers with a tree or a RuleSyntaxException placed inside the query. */
class QueryParserPropertiesTest {

    @Property(tries = 2000)
    void anyInputGivesATreeOrAPlacedSyntaxError(
            @ForAll @StringLength(max = 40) @Chars({'(', ')', '"', ':', '>', '=', '~', '*', '/', ' ', '\n', 'A', 'N',
                'D', 'O', 'R', 'T', 'E', 'a', 'e', 'n', 't', 'i', 'y', 's', 'l', 'g', '1', '2', 'و', 'ف', 'د'})
            String query) {
        try {
            Query q = QueryParser.parse("p", query);
            assertThat(q).isNotNull();
            assertThat(CompiledRules.compile(List.of(new Rule("p", null, null, null,
                    query, null)), new SimpleAnalysis()).size()).isEqualTo(1);
        } catch (RuleSyntaxException e) {
            long lines = query.chars().filter(c -> c == '\n').count() + 1;
            assertThat(e.line()).isBetween(1, (int) lines);
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).startsWith("rule 'p', line ");
        }
    }
}
