package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.raqib.streams.rules.Query.Ending;
import org.raqib.streams.rules.Query.EntityField;
import org.raqib.streams.rules.Query.Scope;

class QueryParserTest {

    @Test
    void readsJuxtapositionAsAndAndBindsAndTighterThanOr() {
        Query q = QueryParser.parse("r", "تهريب النيجر OR ليبيا");
        assertThat(q).isInstanceOf(Query.Any.class);
        Query.Any any = (Query.Any) q;
        assertThat(any.parts().get(0)).isInstanceOf(Query.All.class);
        assertThat(((Query.All) any.parts().get(0)).parts()).hasSize(2);
    }

    @Test
    void readsPhraseWithEndingMarkersAndFieldScope() {
        Query q = QueryParser.parse("r", "title:\"مهاجر~ غير شرعي*\"");
        Query.Terms t = (Query.Terms) q;
        assertThat(t.scope()).isEqualTo(Scope.TITLE);
        assertThat(t.words()).extracting(Query.Word::ending).containsExactly(Ending.INFLECTED, Ending.EXACT,
                Ending.PREFIX);
        assertThat(t.written()).isEqualTo("title:\"مهاجر~ غير شرعي*\"");
    }

    @Test
    void appliesScopeOfAGroupToEveryTermInside() {
        Query.Any any = (Query.Any) QueryParser.parse("r", "body:(وفد OR زيارة)");
        assertThat(any.parts()).allSatisfy(p -> assertThat(((Query.Terms) p).scope()).isEqualTo(Scope.BODY));
    }

    @Test
    void readsNearWithItsDistance() {
        Query.Near near = (Query.Near) QueryParser.parse("r", "تهريب NEAR/10 \"النيجر\"");
        assertThat(near.distance()).isEqualTo(10);
        assertThat(near.left().written()).isEqualTo("تهريب");
    }

    @Test
    void readsEntityConditionsWithLeastCounts() {
        Query.All all = (Query.All) QueryParser.parse("r", "entity:ly>=2 side:Sahel type:person>=3 source:AlJazeera lang:ar");
        assertThat(all.parts().get(0)).isEqualTo(new Query.Entity(EntityField.ID, "LY", 2, "entity:ly>=2"));
        assertThat(all.parts().get(1)).isEqualTo(new Query.Entity(EntityField.SIDE, "sahel", 1, "side:Sahel"));
        assertThat(all.parts().get(2)).isEqualTo(new Query.Entity(EntityField.TYPE, "person", 3, "type:person>=3"));
        assertThat(all.parts().get(3)).isEqualTo(new Query.Source("aljazeera", "source:AlJazeera"));
        assertThat(all.parts().get(4)).isEqualTo(new Query.Lang("ar", "lang:ar"));
    }

    @Test
    void readsNotAsBindingTighterThanAnd() {
        Query.All all = (Query.All) QueryParser.parse("r", "entity:AFRICA_CORPS NOT سوريا");
        assertThat(all.parts().get(1)).isInstanceOf(Query.Not.class);
    }

    @Test
    void pointsAtTheLineAndColumnOfAnUnclosedQuote() {
        assertThatThrownBy(() -> QueryParser.parse("agadem", "entity:NE\nAND \"خط أنابيب"))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("agadem");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("rule 'agadem', line 2, column 5", "closing quote");
                });
    }

    @Test
    void explainsAnUnclosedParenthesis() {
        assertThatThrownBy(() -> QueryParser.parse("r", "(وفد OR زيارة"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("column 1").hasMessageContaining("add ')'");
    }

    @Test
    void explainsAnOperatorWithoutASecondOperand() {
        assertThatThrownBy(() -> QueryParser.parse("r", "وفد OR"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("OR needs a keyword");
        assertThatThrownBy(() -> QueryParser.parse("r", "وفد AND OR زيارة"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("AND is followed by OR");
    }

    @Test
    void namesTheKnownFieldsWhenAFieldIsMisspelt() {
        assertThatThrownBy(() -> QueryParser.parse("r", "titel:وفد"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("unknown field 'titel:'")
                .hasMessageContaining("title:");
    }

    @Test
    void rejectsUnknownSidesAndTypes() {
        assertThatThrownBy(() -> QueryParser.parse("r", "side:sahil"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("libya, sahel, russia or external");
        assertThatThrownBy(() -> QueryParser.parse("r", "type:people"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("column 6");
    }

    @Test
    void readsNearBetweenAKeywordAndAnEntityCondition() {
        Query.Near near = (Query.Near) QueryParser.parse("r", "تهريب NEAR/10 entity:NE");
        assertThat(near.right()).isEqualTo(new Query.Entity(EntityField.ID, "NE", 1, "entity:NE"));
    }

    @Test
    void rejectsNearWithGroupsOrWithoutADistance() {
        assertThatThrownBy(() -> QueryParser.parse("r", "(وفد AND زيارة) NEAR/5 entity:NE"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("NEAR joins keywords, phrases, entity");
        assertThatThrownBy(() -> QueryParser.parse("r", "وفد NEAR زيارة"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("NEAR/10");
    }

    @Test
    void rejectsEmptyQueriesAndMalformedCounts() {
        assertThatThrownBy(() -> QueryParser.parse("r", "  ")).hasMessageContaining("the query is empty");
        assertThatThrownBy(() -> QueryParser.parse("r", "entity:LY>=x")).hasMessageContaining("as digits");
        assertThatThrownBy(() -> QueryParser.parse("r", "entity:LY>2")).hasMessageContaining("'>=N'");
        assertThatThrownBy(() -> QueryParser.parse("r", "وفد)")).hasMessageContaining("no matching '('");
        assertThatThrownBy(() -> QueryParser.parse("r", "نف*")).hasMessageContaining("at least three letters");
    }
}
