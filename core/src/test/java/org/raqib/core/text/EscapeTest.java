package org.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {

    @Test
    void writesMarkupCharactersAsReferencesAndKeepsArabicAsItIs() {
        assertThat(Escape.markup("<b onclick='x'>\"حفتر\" & Co</b>"))
                .isEqualTo("&lt;b onclick=&#39;x&#39;&gt;&quot;حفتر&quot; &amp; Co&lt;/b&gt;");
    }

    @Test
    void dropsControlCharactersXmlCannotCarryButKeepsLineBreaksAndTabs() {
        assertThat(Escape.markup("a\u0000b\u001Ac\td\ne\rf")).isEqualTo("abc\td\ne\rf");
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(Escape.markup(null)).isEmpty();
    }
}
