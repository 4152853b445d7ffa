package org.raqib.streams.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void splitsOnArabicAndLatinPunctuation() {
        List<Token> tokens = analyzer.tokens("ليبيا، النيجر؛ مالي؟ «تشاد» (Niger), Mali.");
        assertThat(tokens).extracting(Token::folded)
                .containsExactly("ليبيا", "النيجر", "مالي", "تشاد", "niger", "mali");
    }

    @Test
    void keepsOffsetsIntoTheOriginalText() {
        String text = "زار لِيبْيَا و ليـــبيا";
        for (Token token : analyzer.tokens(text)) {
            assertThat(text.substring(token.start(), token.end())).isEqualTo(token.surface());
        }
        assertThat(analyzer.tokens(text)).extracting(Token::surface).containsExactly("زار", "لِيبْيَا", "و", "ليـــبيا");
    }

    @Test
    void separatesArabicFromLatinAndDigits() {
        assertThat(analyzer.tokens("خطAgadem 128اللواء")).extracting(Token::folded)
                .containsExactly("خط", "agadem", "128", "اللوا");
        assertThat(analyzer.tokens("خطAgadem")).extracting(Token::arabic).containsExactly(true, false);
    }

    @Test
    void dropsTokensThatFoldToNothing() {
        assertThat(analyzer.tokens("ء ـ ليبيا")).extracting(Token::folded).containsExactly("ليبيا");
    }
}
