package org.raqib.bench.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuceneBaselineTest {

    private final LuceneBaseline lucene = new LuceneBaseline();

    @Test
    void findsAliasesThroughTheCliticsArabicAnalyzerStrips() {
        assertThat(lucene.recognise("وفد ليبي في نيامي", "زار الوفد بنغازي والنيجر")).contains("BENGHAZI", "NE", "NIAMEY");
    }

    @Test
    void cannotTellFinancialFromMaliWhichIsWhyItIsOnlyABaseline() {
        assertThat(lucene.recognise("", "أعلنت الحكومة عن دعم مالي للشركات")).contains("ML");
    }

    @Test
    void putsAnArticleInTheStorylineWhenBothSidesAreNamed() {
        assertThat(lucene.inStoryline(lucene.recognise("", "وفد من بنغازي في نيامي"))).isTrue();
        assertThat(lucene.inStoryline(lucene.recognise("", "احتجاجات في بنغازي"))).isFalse();
    }
}
