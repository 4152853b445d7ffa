package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;

class CompiledRulesTest {

    private static final TextAnalysis ANALYSIS = new SimpleAnalysis();

    private static Rule rule(String id, String query) {
        return new Rule(id, "name " + id, null, "high", query, List.of());
    }

    private static AnalyzedArticle article(String title, String body, EntityHit... entities) {
        Article a = new Article("a1", "f", "AlJazeera", "https://example.org/a", title, "", body, "ar-SA", null,
                Instant.EPOCH);
        return AnalyzedArticle.of(a, List.of(entities), ANALYSIS);
    }

    private static EntityHit entity(String id, String side, String type, int mentions) {
        List<Mention> ms = new ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            ms.add(new Mention("body", i, i + 1, "x", 1.0, "alias"));
        }
        return new EntityHit(id, id, side, type, ms);
    }

    private static List<String> matching(String query, AnalyzedArticle article) {
        return CompiledRules.compile(List.of(rule("r", query)), ANALYSIS).match(article).stream().map(RuleHit::id)
                .toList();
    }

    @Test
    void keywordMatchesThroughCliticsAndTheArticle() {
        for (String body : List.of("ضبط التهريب", "وتهريب الوقود", "لتهريب البشر", "بالتهريب")) {
            assertThat(matching("تهريب", article("", body))).as(body).containsExactly("r");
        }
        assertThat(matching("تهريب", article("", "المهربون"))).isEmpty();
    }

    @Test
    void keywordWrittenWithTheArticleMatchesTheWordAfterAClitic() {
        assertThat(matching("الجفرة", article("", "هبطت طائرة بالجفرة"))).containsExactly("r");
    }

    @Test
    void keywordsAreFoldedLikeTheText() {
        assertThat(matching("أسلحة", article("", "ضبط اسلحه"))).containsExactly("r");
        assertThat(matching("ليبيا", article("", "لِيبْيَا"))).containsExactly("r");
    }

    @Test
    void inflectionMarkerAddsPluralAndFeminineEndingsOnlyWhenAsked() {
        AnalyzedArticle plural = article("", "وصل المهاجرون إلى الكفرة");
        assertThat(matching("مهاجر", plural)).isEmpty();
        assertThat(matching("مهاجر~", plural)).containsExactly("r");
        assertThat(matching("شاحنة~", article("", "عبرت شاحنات الحدود"))).containsExactly("r");
        assertThat(matching("مهرب*", article("", "المهربين"))).containsExactly("r");
    }

    @Test
    void phraseNeedsItsWordsInOrderAndNextToEachOther() {
        assertThat(matching("\"خط أنابيب\"", article("", "توقف خط أنابيب النفط"))).containsExactly("r");
        assertThat(matching("\"خط أنابيب\"", article("", "أنابيب على خط"))).isEmpty();
        assertThat(matching("\"خط أنابيب\"", article("خط", "أنابيب"))).as("not across title and body").isEmpty();
    }

    @Test
    void nearAllowsAtMostTheGivenNumberOfWordsBetweenInEitherOrder() {
        AnalyzedArticle a = article("", "تهريب كميات كبيرة من الوقود نحو النيجر");
        assertThat(matching("تهريب NEAR/4 النيجر", a)).isEmpty();
        assertThat(matching("تهريب NEAR/5 النيجر", a)).containsExactly("r");
        assertThat(matching("النيجر NEAR/5 تهريب", a)).containsExactly("r");
    }

    @Test
    void nearMeasuresTheDistanceToEveryMentionOfAnEntity() {
        String body = "أحبطت القوات محاولة تهريب كميات كبيرة من الوقود نحو النيجر";
        int start = body.indexOf("النيجر");
        EntityHit niger = new EntityHit("NE", "Niger", "sahel", "country",
                List.of(new Mention("body", start, start + "النيجر".length(), "النيجر", 0.9, "alias")));
        AnalyzedArticle a = article("", body, niger);
        assertThat(matching("تهريب NEAR/4 entity:NE", a)).isEmpty();
        assertThat(matching("تهريب NEAR/5 entity:NE", a)).containsExactly("r");
        assertThat(matching("side:sahel NEAR/5 تهريب", a)).containsExactly("r");
        assertThat(matching("title:تهريب NEAR/5 entity:NE", a)).isEmpty();
        assertThat(matching("(تهريب OR مهرب~) NEAR/2 (وقود OR ذهب)", a)).isEmpty();
        assertThat(matching("(تهريب OR مهرب~) NEAR/3 (الوقود OR ذهب)", a)).containsExactly("r");
    }

    @Test
    void phrasesAndNearStayWithinOneLineOfTheText() {
        AnalyzedArticle a = article("", "افتتاح معرض في بنغازي\nتدشين مصنع في النيجر");
        assertThat(matching("بنغازي NEAR/5 النيجر", a)).isEmpty();
        assertThat(matching("\"بنغازي تدشين\"", a)).isEmpty();
        assertThat(matching("بنغازي AND النيجر", a)).containsExactly("r");
    }

    @Test
    void fieldScopeLimitsWhereAWordMayOccur() {
        AnalyzedArticle a = article("وفد ليبي في نيامي", "بحث الوفد التعاون");
        assertThat(matching("title:نيامي", a)).containsExactly("r");
        assertThat(matching("body:نيامي", a)).isEmpty();
        assertThat(matching("body:(نيامي OR تعاون)", a)).containsExactly("r");
    }

    @Test
    void entityConditionsCountMentionsAndDistinctEntities() {
        AnalyzedArticle a = article("", "نص", entity("LY", "libya", "country", 2), entity("NE", "sahel", "country", 1),
                entity("TIANI", "sahel", "person", 1));
        assertThat(matching("entity:LY>=2", a)).containsExactly("r");
        assertThat(matching("entity:LY>=3", a)).isEmpty();
        assertThat(matching("side:sahel>=2 AND type:person", a)).containsExactly("r");
        assertThat(matching("side:russia", a)).isEmpty();
        assertThat(matching("entity:LY AND NOT entity:RU", a)).containsExactly("r");
    }

    @Test
    void sourceAndLanguageFiltersCompareCaseInsensitivelyAndByPrimaryLanguage() {
        AnalyzedArticle a = article("", "وفد");
        assertThat(matching("وفد source:aljazeera lang:ar", a)).containsExactly("r");
        assertThat(matching("وفد lang:fr", a)).isEmpty();
        assertThat(matching("وفد AND NOT source:bbc", a)).containsExactly("r");
    }

    @Test
    void hitCarriesTheTermsThatMatchedAsWrittenAndAScore() {
        CompiledRules rules = CompiledRules.compile(List.of(rule("r", "(وفد OR زيارة OR قمة) AND entity:NE AND NOT مالية")),
                ANALYSIS);
        List<RuleHit> hits = rules.match(article("زيارة وفد", "", entity("NE", "sahel", "country", 1)));
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.terms()).containsExactly("وفد", "زيارة", "entity:NE");
            assertThat(h.score()).isBetween(0.0, 1.0);
            assertThat(h.severity()).isEqualTo("high");
            assertThat(h.name()).isEqualTo("name r");
        });
    }

    @Test
    void evaluatesOnlyRulesWhoseAnchorsOccur() {
        List<Rule> rules = new ArrayList<>(SyntheticRules.generate(10_000, 7));
        rules.add(rule("mine", "وفد AND entity:NE"));
        CompiledRules compiled = CompiledRules.compile(rules, ANALYSIS);
        AnalyzedArticle a = article("وفد ليبي", "وفد", entity("NE", "sahel", "country", 1));
        assertThat(compiled.candidateCount(a)).isLessThan(1_000);
        assertThat(compiled.match(a)).extracting(RuleHit::id).contains("mine");
    }

    @Test
    void rulesThatOnlyExcludeAreEvaluatedForEveryArticle() {
        CompiledRules compiled = CompiledRules.compile(List.of(rule("r", "NOT وفد")), ANALYSIS);
        assertThat(compiled.match(article("", "زيارة"))).hasSize(1);
        assertThat(compiled.match(article("", "وفد"))).isEmpty();
    }

    @Test
    void withAndWithoutReturnNewSetsAndLeaveTheOriginalUnchanged() {
        CompiledRules one = CompiledRules.compile(List.of(rule("a", "وفد")), ANALYSIS);
        CompiledRules two = one.with(rule("b", "زيارة"));
        CompiledRules replaced = two.with(rule("a", "قمة"));
        assertThat(one.size()).isEqualTo(1);
        assertThat(two.match(article("", "وفد زيارة"))).extracting(RuleHit::id).containsExactly("a", "b");
        assertThat(replaced.match(article("", "وفد زيارة"))).extracting(RuleHit::id).containsExactly("b");
        assertThat(two.without("a").rules()).extracting(Rule::id).containsExactly("b");
        assertThat(two.without("zzz")).isSameAs(two);
    }

    @Test
    void rejectsDuplicateIdsAndUnreadableRules() {
        assertThatThrownBy(() -> CompiledRules.compile(List.of(rule("a", "وفد"), rule("a", "زيارة")), ANALYSIS))
                .hasMessageContaining("two rules have the id 'a'");
        CompiledRules one = CompiledRules.compile(List.of(rule("a", "وفد")), ANALYSIS);
        assertThatThrownBy(() -> one.with(rule("b", "(وفد"))).isInstanceOf(RuleSyntaxException.class);
        assertThat(one.size()).isEqualTo(1);
    }
}
