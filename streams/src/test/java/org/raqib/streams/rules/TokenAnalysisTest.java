package org.raqib.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raqib.core.model.Article;
import org.raqib.core.model.Rule;

/** Keywords reach the words the streams text analyser produces, through folding, clitics and the article. */
class TokenAnalysisTest {

    private static final TextAnalysis ANALYSIS = TokenAnalysis.standard();

    private static boolean matches(String query, String body) {
        Article article = new Article("a", "f", "s", "https://example.org/", "", "", body, "ar", null, Instant.EPOCH);
        CompiledRules rules = CompiledRules.compile(List.of(new Rule("r", null, null, null, query, null)), ANALYSIS);
        return !rules.match(AnalyzedArticle.of(article, List.of(), ANALYSIS)).isEmpty();
    }

    @ParameterizedTest(name = "{0} in \"{1}\": {2}")
    @CsvSource({
        "تهريب, ضبط التهريب, true",
        "تهريب, وتهريب الوقود, true",
        "تهريب, لتهريب البشر, true",
        "تهريب, والتهريب, true",
        "تهريب, المهربون, false",
        "النيجر, وصل الوفد للنيجر, true",
        "النيجر, عاد إلى النيجر, true",
        "الجفرة, هبطت بالجفرة, true",
        "بنغازي, وبنغازي, true",
        "أسلحة, ضبط اسلحه, true",
        "ليبيا, لِيبْيَا, true",
        "ليبيا, ليـــبيا, true",
        "مهاجر~, وصل المهاجرون, true",
        "مهاجر~, والمهاجرين, true",
        "مهاجر, والمهاجرين, false",
        "شاحنة~, عبرت الشاحنات, true",
        "مهرب*, المهربين, true",
        "Agadem, حقل Agadem النفطي, true",
        "\"خط أنابيب\", توقف خط الأنابيب, true",
        "\"خط أنابيب\", خط نقل الأنابيب, false",
        "\"خط الأنابيب\", توقف خط الأنابيب, true",
        "\"خط أنابيب\", توقف خط أنابيب النفط, true",
    })
    void keywordMatchesAsTheAnalyserSeesTheText(String query, String body, boolean expected) {
        assertThat(matches(query, body)).isEqualTo(expected);
    }
}
