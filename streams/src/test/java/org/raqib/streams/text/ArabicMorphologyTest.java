package org.raqib.streams.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicMorphologyTest {

    @ParameterizedTest(name = "{0} offers {1}")
    @CsvSource({
        "والنيجر, نيجر", "والنيجر, النيجر", "فالنيجر, النيجر", "بالنيجر, نيجر", "كالنيجر, نيجر", "للنيجر, نيجر",
        "وللنيجر, نيجر", "فللنيجر, نيجر", "وبالنيجر, نيجر", "فبالنيجر, نيجر", "وكالنيجر, نيجر",
        "لليبيا, ليبيا", "وليبيا, ليبيا", "فليبيا, ليبيا", "بليبيا, ليبيا", "كليبيا, ليبيا", "ولليبيا, ليبيا",
        "ولحفتر, حفتر", "فباماكو, باماكو", "وبنغازي, بنغازي", "التهريب, تهريب", "وتهريب, تهريب", "لتهريب, تهريب",
    })
    void stripsEveryProcliticCombination(String word, String stem) {
        assertThat(ArabicMorphology.bareForms(TextFolding.fold(word))).contains(TextFolding.fold(stem));
    }

    @Test
    void listsTheWordFirstThenLongerStemsFirst() {
        assertThat(ArabicMorphology.bareForms("والنيجر")).containsExactly("والنيجر", "النيجر", "نيجر");
    }

    @Test
    void neverLeavesAStemShorterThanThreeLetters() {
        assertThat(ArabicMorphology.bareForms("بها")).containsExactly("بها");
        assertThat(ArabicMorphology.bareForms("وله")).containsExactly("وله");
        assertThat(ArabicMorphology.bareForms("بنغازي")).allMatch(f -> f.length() >= ArabicMorphology.MIN_STEM);
    }

    @Test
    void leavesLatinWordsAlone() {
        assertThat(ArabicMorphology.bareForms("wagner")).containsExactly("wagner");
    }
}
