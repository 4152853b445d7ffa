package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raqib.core.model.Article;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Rule;
import org.raqib.core.model.RuleHit;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;
import org.raqib.streams.text.ArticleText;
import org.raqib.streams.text.TextAnalyzer;

class RuleBookTest {

    private static final Article ARTICLE = new Article("a", "f", "s", "https://example.org/", "وفد في نيامي", "",
            "زيارة", "ar", null, Instant.EPOCH);

    @Test
    void picksUpAddedReplacedAndRemovedRules() {
        RuleBook book = new RuleBook(new SimpleAnalysis(), List.of(new Rule("a", null, null, null, "وفد", null)));
        assertThat(book.evaluate(ARTICLE, List.of())).extracting(RuleHit::id).containsExactly("a");
        book.upsert(new Rule("b", null, null, null, "زيارة", null));
        book.upsert(new Rule("a", null, null, null, "قمة", null));
        assertThat(book.evaluate(ARTICLE, List.of())).extracting(RuleHit::id).containsExactly("b");
        book.remove("b");
        assertThat(book.evaluate(ARTICLE, List.of())).isEmpty();
        assertThat(book.current().size()).isEqualTo(1);
    }

    @Test
    void evaluatesAnArticleFromItsSharedTokensAsFromItsText() {
        List<Rule> rules = new java.util.ArrayList<>(DefaultRules.load());
        rules.addAll(SyntheticRules.generate(500, 42));
        RuleBook book = new RuleBook(TokenAnalysis.standard(), rules);
        Article article = new Article("b", "f", "s", "https://example.org/", "وفد ليبي في نيامي وباماكو",
                "", "التقى وفد من بنغازي بالمسؤولين في النيجر.\n\nوقال المتحدث إن الاجتماع بحث الأمن في الساحل"
                        + " (Sahel) وفي ليبيا، وأكد استمرار التعاون مع مالي", "ar", null, Instant.EPOCH);
        List<EntityHit> entities = new EntityRecognizer(Gazetteer.loadDefault())
                .recognise(article.title(), article.text());

        List<RuleHit> fromText = book.evaluate(article, entities);

        assertThat(fromText).isNotEmpty();
        assertThat(book.evaluate(article, entities, ArticleText.of(article, new TextAnalyzer())))
                .isEqualTo(fromText);
    }

    @Test
    void rejectsAnInvalidRuleAndKeepsThePreviousVersion() {
        RuleBook book = new RuleBook(new SimpleAnalysis(), List.of(new Rule("a", null, null, null, "وفد", null)));
        assertThatThrownBy(() -> book.upsert(new Rule("a", null, null, null, "وفد OR", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OR needs");
        assertThat(book.evaluate(ARTICLE, List.of())).extracting(RuleHit::id).containsExactly("a");
    }
}
