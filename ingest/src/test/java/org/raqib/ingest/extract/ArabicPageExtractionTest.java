package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An Arabic news page with the page noise of the Erem News seed: the body keeps the prose and nothing else. */
class ArabicPageExtractionTest {

    private static final String P1 = "كثف القادة العسكريون في النيجر ومالي وبوركينافاسو من لقاءاتهم بمسؤولين ليبيين، مؤخرا؛"
            + " ما عُدّ رغبة بتسريع إقناع محور بنغازي بالانضمام إلى كونفدرالية الساحل الأفريقي حديثة النشأة.";
    private static final String P2 = "واتفق وفد أمني نيجري رفيع المستوى، خلال زيارته مدينة بنغازي شرقي ليبيا، على تفعيل"
            + " الاتفاقات الثنائية المتعلقة بتبادل المعلومات الاستخبارية، والتعاون في مكافحة الجريمة المنظمة.";
    private static final String P3 = "ويتكون الوفد النيجري من وزير الداخلية الجنرال محمد تومبا، والكاتب العام، والمستشار"
            + " الخاص للرئيس، ومدير مخابرات الخارجية والداخلية، وقائد الحرس الرئاسي.";
    private static final String RELATED = "هل تفجر \"لغة المصالح\" كونفدرالية الساحل الأفريقي مبكرا؟";

    private static final String PAGE = "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"%s\">"
            + "<title>تحركات من ليبيا تمهد لانضمامها إلى كونفدرالية الساحل | إرم نيوز</title>"
            + "<meta property=\"og:title\" content=\"تحركات من ليبيا تمهد لانضمامها إلى كونفدرالية الساحل\">"
            + "<meta property=\"article:published_time\" content=\"2024-08-18T07:56:00+03:00\">"
            + "<meta name=\"author\" content=\"إرم نيوز\"></head><body>"
            + "<header><a href=\"/\">logo</a><ul class=\"menu\"><li><a href=\"/arab\">العالم العربي</a></li>"
            + "<li><a href=\"/sport\">رياضة</a></li></ul></header>"
            + "<main><article><h1>تحركات من ليبيا تمهد لانضمامها إلى كونفدرالية الساحل</h1>"
            + "<div class=\"image\"><img src=\"a.jpg\"><span>صدام حفتر وإبراهيم ترارويالمصدر: وسائل إعلام ليبية</span></div>"
            + "<div class=\"share-bar\"><a href=\"#\">فيسبوك</a><a href=\"#\">تويتر</a></div>"
            + "<div class=\"article-body\"><p>" + P1 + "</p><p>" + P2 + "</p>"
            + "<div class=\"inline-box\"><h3>أخبار ذات علاقة</h3><p><a href=\"/x\">" + RELATED + "</a></p></div>"
            + "<p>" + P3 + "</p></div></article>"
            + "<aside><h2>الأكثر قراءة</h2><ol><li><a href=\"/1\">خبر رياضي عن كرة القدم في الدوري</a></li></ol></aside>"
            + "</main><footer>جميع الحقوق محفوظة © إرم نيوز 2024</footer></body></html>";

    @Test
    void keepsTheProseAndLeavesRelatedNewsCaptionsSidebarAndFooterOut() {
        ExtractedPage page = extract(StandardCharsets.UTF_8);

        assertThat(page.body()).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
        assertThat(page.body()).doesNotContain(RELATED, "المصدر", "الأكثر قراءة", "جميع الحقوق", "فيسبوك", "رياضة");
        assertThat(page.title()).isEqualTo("تحركات من ليبيا تمهد لانضمامها إلى كونفدرالية الساحل");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-08-18T04:56:00Z"));
        assertThat(page.author()).isEqualTo("إرم نيوز");
        assertThat(page.lang()).isEqualTo("ar");
    }

    @Test
    void readsAWindows1256PageByItsMetaCharset() {
        ExtractedPage page = extract(Charset.forName("windows-1256"));

        assertThat(page.body()).startsWith(P1.substring(0, 40));
    }

    private static ExtractedPage extract(Charset charset) {
        byte[] html = String.format(java.util.Locale.ROOT, PAGE, charset.name()).getBytes(charset);
        return new ArticleExtractor().extract(html, Optional.empty(), URI.create("https://www.eremnews.com/news/1"));
    }
}
