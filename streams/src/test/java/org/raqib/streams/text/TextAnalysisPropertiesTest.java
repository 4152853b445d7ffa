package org.raqib.streams.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Properties of folding and tokenisation over arbitrary Unicode and over Arabic-heavy text. */
class TextAnalysisPropertiesTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Property(tries = 2000)
    void foldingIsIdempotentForAnyUnicode(@ForAll @StringLength(max = 40) String text) {
        String once = TextFolding.fold(text);
        assertThat(TextFolding.fold(once)).isEqualTo(once);
    }

    @Property(tries = 2000)
    void foldingIsIdempotentForArabicText(@ForAll @StringLength(max = 40)
            @CharRange(from = '\u0600', to = '\u06FF') @CharRange(from = '\uFB50', to = '\uFDFF')
            @CharRange(from = '\uFE70', to = '\uFEFF') @Chars({' ', '\u200C', '\u200F', 'A', 'e'}) String text) {
        String once = TextFolding.fold(text);
        assertThat(TextFolding.fold(once)).isEqualTo(once);
    }

    @Property(tries = 2000)
    void tokenOffsetsFallInsideTheOriginalTextForAnyUnicode(@ForAll @StringLength(max = 60) String text) {
        int previousEnd = 0;
        for (Token token : analyzer.tokens(text)) {
            assertThat(token.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(token.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(token.start(), token.end())).isEqualTo(token.surface());
            assertThat(token.folded()).isNotEmpty();
            previousEnd = token.end();
        }
    }

    @Property(tries = 1000)
    void tokenOffsetsFallInsideArabicText(@ForAll @StringLength(max = 60)
            @CharRange(from = '\u0600', to = '\u06FF') @CharRange(from = '\uFE70', to = '\uFEFF')
            @Chars({' ', '\u200C', '\u202B', '،', '.', 'a'}) String text) {
        for (Token token : analyzer.tokens(text)) {
            assertThat(text.substring(token.start(), token.end())).isEqualTo(token.surface());
        }
    }
}
