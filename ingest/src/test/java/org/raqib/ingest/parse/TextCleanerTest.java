package org.raqib.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void dropsInvisibleCharactersAndCollapsesSpaces() {
        assertThat(TextCleaner.clean("  خبر\u200F \u00A0 عاجل\u200B \u3000")).isEqualTo("خبر عاجل");
        assertThat(TextCleaner.clean("a \u200B b")).isEqualTo("a b");
        assertThat(TextCleaner.clean("already clean text")).isEqualTo("already clean text");
    }

    /** Text that is already collapsed is returned as it is; the result must be what collapsing it gives. */
    @Test
    void cleansPlainTextAsCollapsingItCharacterByCharacterDoes() {
        List<String> pieces = List.of("a", "خبر", " ", "  ", "\t", "\n", "\u00A0", "\u2009", "\u3000", "\u200B",
                "\u200F", "\u00AD", "\uFEFF", "\u2066", "\u001F", "\u1680", "\u2028", ".", "1");
        Random random = new Random(3);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(7); k > 0; k--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            assertThat(TextCleaner.clean(text.toString())).as("clean(\"%s\")", text).isEqualTo(reference(text.toString()));
        }
    }

    /** The one-pass collapse as first written: every character copied. */
    private static String reference(String text) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00AD' || c == '\u061C' || c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2060' && c <= '\u2064' || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF') {
                continue;
            }
            if (c == ' ' || c >= '\t' && c <= '\r' || c == '\u00A0' || c >= '\u2000' && c <= '\u200A'
                    || c == '\u202F' || c == '\u205F' || c == '\u3000') {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString().strip();
    }
}
