package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TextBlocksTest {

    private static final String TRICKY = "<body><p>قبل <a href=/x>رابط <div>داخل الرابط</div> بعده</a> نهاية</p>"
            + "<span>نص <p>فقرة في span</p> ذيل</span><table><tr><td>خلية <b>بيانات</b></td><td><div>عمود</div>"
            + " نص العمود<br>سطر</td></tr></table><div>أول<div><h2>عنوان</h2>نص <i>مائل</i><hr>بعد الخط</div>آخر</div>"
            + "<a href=/y><section><p>قسم في رابط</p></section></a><font>نص خارج الكتل</font></body>";

    @Test
    void splitsTextAtBlockBoundariesWhateverInlineElementsItSitsIn() {
        Element body = Jsoup.parse("<body><div><span>first <b>line</b></span><br>second line<p>third</p></div></body>")
                .body();

        assertThat(TextBlocks.of(body)).extracting(TextBlocks.Block::text)
                .containsExactly("first line", "second line", "third");
    }

    /** Taking an element's blocks from its page's is only a shortcut: the blocks must be those read from it alone. */
    @Test
    void givesEveryElementTheBlocksReadingItAloneGives() throws IOException {
        check(Jsoup.parse(TRICKY).body());
        for (String page : ArabicHeldOutPagesTest.pages()) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/arabic-pages/" + page + ".html")) {
                Element body = Jsoup.parse(in, null, "https://news.example/").body();
                PageCleaner.clean(body, (node, depth) -> { });
                check(body);
            }
        }
    }

    private static void check(Element root) {
        List<TextBlocks.Block> rootBlocks = TextBlocks.of(root);
        for (Element e : root.getAllElements()) {
            assertThat(TextBlocks.within(e, root, rootBlocks)).as("blocks of %s", e.cssSelector())
                    .isEqualTo(TextBlocks.of(e));
        }
    }
}
