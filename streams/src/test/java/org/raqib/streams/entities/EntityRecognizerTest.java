package org.raqib.streams.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raqib.core.model.EntityHit;
import org.raqib.core.model.Mention;

class EntityRecognizerTest {

    private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(Gazetteer.loadDefault());

    private static Set<String> ids(String title, String body) {
        Set<String> ids = new TreeSet<>();
        RECOGNIZER.recognise(title, body).forEach(h -> ids.add(h.id()));
        return ids;
    }

    private static Set<String> ids(String body) {
        return ids("", body);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource({
        "والنيجر, NE", "بالنيجر, NE", "للنيجر, NE", "فالنيجر, NE", "وبالنيجر, NE", "كالنيجر, NE",
        "لليبيا, LY", "وليبيا, LY", "بليبيا, LY", "فليبيا, LY", "ولليبيا, LY",
        "ولحفتر, KHALIFA_HAFTAR", "فباماكو, BAMAKO", "وبنغازي, BENGHAZI", "بنغازي, BENGHAZI",
        "وتشاد, TD", "لتشاد, TD", "والسودان, SD", "بالسودان, SD", "وروسيا, RU", "لروسيا, RU",
        "وواغادوغو, OUAGADOUGOU", "واغادوغو, OUAGADOUGOU", "بنيامي, NIAMEY", "وطبرق, TOBRUK", "بالكفرة, KUFRA",
        "للكفرة, KUFRA", "وسبها, SABHA", "وبوركينا, BF", "بوركينافاسو, BF", "وبوركينافاسو, BF",
    })
    void reachesTheEntityThroughProclitics(String word, String id) {
        assertThat(ids("وصل الوفد " + word + " أمس")).contains(id);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource({
        "الليبي, LY", "الليبية, LY", "الليبيين, LY", "الليبيون, LY", "ليبي, LY", "والليبيين, LY",
        "النيجرية, NE", "النيجري, NE", "النيجريين, NE", "التشاديين, TD", "التشادية, TD", "تشاديون, TD",
        "السودانيين, SD", "الروسية, RU", "الروسي, RU", "الجزائرية, DZ", "الفرنسية, FR", "البوركيني, BF",
        "للتشاديين, TD", "بالليبيين, LY",
    })
    void readsGentilicsAsTheCountry(String word, String id) {
        assertThat(ids("التقى مسؤولون " + word + " في اجتماع")).contains(id);
    }

    @Test
    void doesNotSplitWordsThatMerelyBeginWithCliticLetters() {
        assertThat(ids("زار لبنان وفرنسا وبيروت")).doesNotContain("BENGHAZI").contains("FR");
        assertThat(ids("كيدال")).containsExactly("KIDAL");
        assertThat(ids("بازوم")).containsExactly("BAZOUM");
    }

    @Test
    void foldsDiacriticsTatweelAndVariantLetters() {
        assertThat(ids("لِيبْيَا")).containsExactly("LY");
        assertThat(ids("ليـــبيا")).containsExactly("LY");
        assertThat(ids("اغاديز")).containsExactly("AGADEZ");
        assertThat(ids("نيامى")).containsExactly("NIAMEY");
        assertThat(ids("ڤاغنر في ليبيا")).contains("WAGNER");
        assertThat(ids("الكفره")).containsExactly("KUFRA");
    }

    @Test
    void matchesOneAndTwoWordForms() {
        assertThat(ids("بوركينا فاسو")).containsExactly("BF");
        assertThat(ids("بوركينافاسو")).containsExactly("BF");
        assertThat(ids("Burkina Faso and Niger")).containsExactly("BF", "NE");
    }

    @Test
    void toleratesUnseenTransliterationsOfNames() {
        assertThat(ids("وصل نائب وزير الدفاع الروسي يفكيروف إلى بنغازي")).contains("YEVKUROV");
        assertThat(ids("وصل إيفكيروف إلى بنغازي")).contains("YEVKUROV");
        assertThat(ids("وصل يفقوروف إلى بنغازي")).contains("YEVKUROV");
        assertThat(ids("عناصر فاكنر في ليبيا")).contains("WAGNER");
    }

    @Test
    void fuzzyMatchingLeavesOrdinaryWordsAlone() {
        assertThat(ids("قال المتحدث إن الحكومة ستواصل دعم المزارعين والمستثمرين في المناطق الريفية"))
                .isEmpty();
    }

    @Test
    void separatesGluedCaptionText() {
        assertThat(ids("بوركينا فاسو", "صورة للرئيس إبراهيم ترارويالمصدر وكالات")).contains("TRAORE");
    }

    @Test
    void readsMaliAsTheCountryOnlyWithCountryContext() {
        assertThat(ids("وصل الوزير إلى مالي")).containsExactly("ML");
        assertThat(ids("الجيش المالي يسيطر على كيدال")).contains("ML");
        assertThat(ids("مالي تطرد السفير الفرنسي")).contains("ML");
        assertThat(ids("قدم الاتحاد الأوروبي دعم مالي للمزارعين")).isEmpty();
        assertThat(ids("تعاني البلاد من عجز مالي كبير")).isEmpty();
        assertThat(ids("قدمت روسيا دعما عسكري ومالي للنظام")).doesNotContain("ML");
        assertThat(ids("ارتفعت مؤشرات السوق المالية")).isEmpty();
        assertThat(ids("اجتمع وزير المالية مع المحافظ")).isEmpty();
        assertThat(ids("قال الرئيس المالي آسيمي غويتا")).contains("ML", "GOITA");
        assertThat(ids("الوضع المالي مستقر")).isEmpty();
    }

    @Test
    void readsTheSahelOnlyWhenTheCoastIsNotMeant() {
        assertThat(ids("تنشط الجماعات المسلحة في الساحل بين مالي والنيجر")).contains("SAHEL");
        assertThat(ids("انطلق مهرجان على الساحل الشمالي")).isEmpty();
        assertThat(ids("مناورات قبالة الساحل السوري")).isEmpty();
        assertThat(ids("غرق مهاجرين قبالة الساحل الليبي")).containsExactly("LY");
        assertThat(ids("منتخب ساحل العاج يفوز")).isEmpty();
        assertThat(ids("منطقة الساحل والصحراء")).containsExactly("SAHEL");
        assertThat(ids("تحالف دول الساحل")).containsExactly("AES");
    }

    @Test
    void readsTripoliAsLibyasCapitalUnlessLebanonIsMeant() {
        assertThat(ids("احتجاجات في طرابلس ضد الحكومة")).containsExactly("TRIPOLI");
        assertThat(ids("اشتباكات في طرابلس شمال لبنان")).isEmpty();
        assertThat(ids("زار الوفد طرابلس اللبنانية")).isEmpty();
        assertThat(ids("أهل طرابلس وصيدا والجنوب اللبناني")).isEmpty();
    }

    @Test
    void readsNigerianAsNigerienOnlyWhenNigerIsTheContext() {
        assertThat(ids("قال وزير الدفاع النيجيري ساليفو مودي في نيامي")).contains("NE", "MODY")
                .doesNotContain("NG");
        assertThat(ids("قال الرئيس النيجيري في أبوجا")).contains("NG").doesNotContain("NE");
        assertThat(ids("فاز المنتخب النيجيري")).containsExactly("NG");
    }

    @Test
    void readsModyOnlyNearNiger() {
        assertThat(ids("قال وزير الدفاع مودي إن النيجر ستتعاون")).contains("MODY");
        assertThat(ids("أدى ناريندرا مودي اليمين")).isEmpty();
        assertThat(ids("قال مودي إن الهند ستواصل النمو")).isEmpty();
    }

    @Test
    void readsTraoreOnlyAsBurkinasLeader() {
        assertThat(ids("استقبل تراوري في واغادوغو وفدا")).contains("TRAORE");
        assertThat(ids("الرئيس إبراهيم تراوري")).containsExactly("TRAORE");
        assertThat(ids("الفنانة روكيا تراوري تحيي حفلا في باريس")).doesNotContain("TRAORE");
        assertThat(ids("سجل أداما تراوري هدفا في بوركينا فاسو")).doesNotContain("TRAORE");
    }

    @Test
    void readsWagnerAsTheGroupUnlessTheComposerIsMeant() {
        assertThat(ids("مقاتلو فاغنر في ليبيا")).contains("WAGNER");
        assertThat(ids("أمسية لموسيقى فاغنر في دار الأوبرا")).isEmpty();
        assertThat(ids("مقطوعات الموسيقار ريتشارد فاغنر")).isEmpty();
    }

    @Test
    void readsAlgeriaInBothSenses() {
        assertThat(ids("أدانت الجزائر الهجوم")).containsExactly("DZ");
        assertThat(ids("وصل الوفد إلى العاصمة الجزائرية")).containsExactly("DZ");
    }

    @Test
    void readsTheMilitaryCouncilAsNigersOnlyWithNiger() {
        assertThat(ids("وقع مع المجلس العسكري في النيجر اتفاقا")).contains("NE_JUNTA", "NE");
        assertThat(ids("قال المجلس العسكري الحاكم إن نيامي لن تتراجع")).contains("NE_JUNTA");
        assertThat(ids("المجلس العسكري الانتقالي في السودان يعلن")).containsExactly("SD");
        assertThat(ids("أعلن المجلس العسكري في مالي")).doesNotContain("NE_JUNTA");
    }

    @Test
    void followsTheCountingConventions() {
        assertThat(ids("الجيش الوطني الليبي")).containsExactly("LNA", "LY");
        assertThat(ids("وزارة الدفاع الروسية")).containsExactly("RU", "RU_MOD");
        assertThat(ids("حكومة حماد")).containsExactly("EAST_GOV", "OSAMA_HAMMAD");
        assertThat(ids("حكومة الدبيبة")).containsExactly("DBEIBAH", "GNU");
        assertThat(ids("وصل إلى نيامي")).containsExactly("NIAMEY");
        assertThat(ids("وصل إلى انجامينا")).containsExactly("NDJAMENA");
        assertThat(ids("قال الكرملين")).containsExactly("RU");
        assertThat(ids("نائب وزير الدفاع الروسي")).containsExactly("RU");
        assertThat(ids("فيضان نهر النيجر")).isEmpty();
        assertThat(ids("دلتا النيجر")).isEmpty();
        assertThat(ids("دولة جنوب السودان")).isEmpty();
        assertThat(ids("أسعار الفول السوداني")).isEmpty();
        assertThat(ids("بحسب وكالة فرانس برس")).isEmpty();
        assertThat(ids("ولاية الساحل")).containsExactly("IS_SAHEL");
    }

    @Test
    void readsHaftarAloneAsTheNearestHaftarNamed() {
        assertThat(ids("التقى حفتر بوتين")).contains("KHALIFA_HAFTAR");
        assertThat(ids("وصل صدام حفتر إلى باماكو. وقال حفتر إن")).contains("SADDAM_HAFTAR")
                .doesNotContain("KHALIFA_HAFTAR");
    }

    @Test
    void highlightsExactlyWhatWasWritten() {
        String body = "زار الوفد لِيبْيَا ثم ليـــبيا، وبالنيجر «بوركينا فاسو».";
        List<EntityHit> hits = RECOGNIZER.recognise("لليبيا", body);
        for (EntityHit hit : hits) {
            for (Mention m : hit.mentions()) {
                String source = m.field().equals("title") ? "لليبيا" : body;
                assertThat(source.substring(m.start(), m.end())).isEqualTo(m.text());
                assertThat(m.confidence()).isBetween(0.0, 1.0);
                assertThat(m.reason()).isNotBlank();
            }
        }
        assertThat(hits).extracting(EntityHit::id).containsExactly("LY", "NE", "BF");
        assertThat(hits.get(0).mentions()).extracting(Mention::text).containsExactly("لليبيا", "لِيبْيَا", "ليـــبيا");
        assertThat(hits.get(0).mentions().get(0).field()).isEqualTo("title");
    }

    @Test
    void recognisesLatinScriptNames() {
        assertThat(ids("Haftar met Tiani in Niamey; Wagner and the Africa Corps")).contains("NIAMEY", "TIANI",
                "AFRICA_CORPS", "WAGNER");
        assertThat(ids("le Niger et la Libye")).containsExactly("LY", "NE");
    }
}
