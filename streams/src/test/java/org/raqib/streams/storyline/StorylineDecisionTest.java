package org.raqib.streams.storyline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.raqib.streams.entities.EntityRecognizer;
import org.raqib.streams.entities.Gazetteer;

class StorylineDecisionTest {

    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(Gazetteer.loadDefault());
    private final StorylineDecision decision = new StorylineDecision();

    private boolean in(String title, String body) {
        return decision.inStoryline(RECOGNIZER.recognise(title, body), title, body);
    }

    @Test
    void includesContactBetweenALibyanAndASahelActor() {
        assertThat(in("صدام حفتر في نيامي", "بحث صدام حفتر مع الجنرال تياني التعاون العسكري")).isTrue();
    }

    @Test
    void includesTheCrossBorderSpace() {
        assertThat(in("", "ضبطت دورية شحنة وقود مهربة قرب الكفرة في طريقها إلى تشاد")).isTrue();
    }

    @Test
    void excludesArticlesAboutOneSideOnly() {
        assertThat(in("احتجاجات في طرابلس", "طالب المحتجون برحيل حكومة الدبيبة")).isFalse();
        assertThat(in("الماليون يصوتون", "توجه الماليون إلى صناديق الاقتراع في باماكو")).isFalse();
    }

    @Test
    void excludesRussianForcesInOnlyOneSideWithoutTheOther() {
        assertThat(in("", "دخل الجيش المالي كيدال بدعم من مقاتلي فاغنر")).isFalse();
    }

    @Test
    void excludesDigestsWhoseItemsAreUnrelated() {
        assertThat(in("موجز الأخبار", "ليبيا: افتتاح معرض بنغازي للكتاب.\nبوركينا فاسو: تدشين مصنع قرب واغادوغو."))
                .isFalse();
        assertThat(in("موجز الأخبار", "ليبيا: وفد من بنغازي يزور نيامي.\nمصر: افتتاح مصنع.")).isTrue();
    }
}
