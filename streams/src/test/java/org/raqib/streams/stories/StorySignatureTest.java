package org.raqib.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorySignatureTest {

    private static final String TEXT = "واتفق وفد أمني نيجري رفيع المستوى خلال زيارته مدينة بنغازي شرقي ليبيا على تفعيل الاتفاقات"
            + " الثنائية المتعلقة بتبادل المعلومات الاستخبارية والتعاون في مكافحة الجريمة المنظمة وشبكات تهريب البشر";

    @Test
    void ignoresDiacriticsTatweelAndLetterVariants() {
        String decorated = TEXT.replace("ليبيا", "لِيـــبْيَا").replace("أمني", "امني").replace("زيارته", "زيارتة");

        assertThat(StorySignature.of(decorated)).isEqualTo(StorySignature.of(TEXT));
    }

    @Test
    void ratesALightlyEditedCopyAsTheSameStoryAndKeepsItsKey() {
        StorySignature original = StorySignature.of(TEXT);
        StorySignature edited = StorySignature.of("أفادت مصادر أن " + TEXT + " وفق بيان السبت");

        assertThat(original.similarity(edited)).isGreaterThanOrEqualTo(0.5);
        assertThat(edited.key()).isEqualTo(original.key());
    }

    @Test
    void ratesAnUnrelatedTextFarBelowTheThreshold() {
        StorySignature other = StorySignature.of("ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج"
                + " لمواجهة تراجع الطلب في الصين وأوروبا خلال الربع الأخير من العام الجاري");

        assertThat(StorySignature.of(TEXT).similarity(other)).isLessThan(0.2);
    }

    @Test
    void treatsTooShortTextsAsNotComparable() {
        StorySignature tiny = StorySignature.of("ليبيا والنيجر");

        assertThat(tiny.comparable()).isFalse();
        assertThat(tiny.key()).isEmpty();
        assertThat(tiny.similarity(tiny)).isZero();
    }
}
