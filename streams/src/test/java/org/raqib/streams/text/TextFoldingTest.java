package org.raqib.streams.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldingTest {

    @ParameterizedTest(name = "{2}: {0} folds to {1}")
    @CsvSource({
        "لِيبْيَا, ليبيا, tashkeel removed",
        "ليـــبيا, ليبيا, tatweel removed",
        "لي\u200Cبيا, ليبيا, zero-width non-joiner removed",
        "\u200Fليبيا\u202C, ليبيا, bidi controls removed",
        "أغاديز, اغاديز, alef with hamza above",
        "إبراهيم, ابراهيم, alef with hamza below",
        "آسيمي, اسيمي, alef with madda",
        "ٱلنيجر, النيجر, alef wasla",
        "مؤتمر, موتمر, hamza on waw",
        "رئيس, رييس, hamza on yeh",
        "شيء, شي, lone hamza",
        "بنغازى, بنغازي, alef maqsura",
        "الكفرة, الكفره, teh marbuta",
        "ڤاغنر, فاغنر, Persian veh",
        "کیدال, كيدال, Persian keheh and yeh",
        "گاو, كاو, Persian gaf",
        "پوتين, بوتين, Persian peh",
        "٢٠١, 201, Arabic-Indic digits",
        "۱۲۸, 128, extended Arabic-Indic digits",
        "Goïta, goita, Latin accents and case",
        "NIGÉRIEN, nigerien, Latin upper case",
        "\uFEFB, لا, presentation-form ligature (NFKC)",
        "\uFE8D\uFEDF, ال, presentation forms (NFKC)",
        "ＡＥＳ, aes, full-width Latin",
        "İstanbul, istanbul, dotted capital I without locale",
    })
    void foldsEachNormalisationRule(String input, String expected, String rule) {
        assertThat(TextFolding.fold(input)).as(rule).isEqualTo(expected);
    }
}
