package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageCharsetTest {

    private static final String BODY = "<body><p>" + "نص الخبر ".repeat(800) + "</p></body></html>";

    @Test
    void readsTheUsualUtf8DeclarationsWithCertainty() {
        for (String head : List.of("<meta charset=\"utf-8\">", "<META CHARSET='UTF-8'>", "<meta charset=utf8>",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">", "<title>x</title>")) {
            byte[] page = page(head);

            assertThat(PageCharset.certainlyUtf8(page)).as(head).isTrue();
            assertThat(PageCharset.of(page, java.util.Optional.empty())).as(head).isEqualTo("UTF-8");
        }
    }

    @Test
    void leavesEveryOtherDeclarationToJsoup() {
        for (String head : List.of("<meta charset=\"windows-1256\">", "<!-- <meta charset=\"windows-1256\"> -->",
                "<meta charset=\"utf-8x\">", "<meta charset=\"&#119;indows-1256\">",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; &#99;harset=windows-1256\">",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset&equals;windows-1256\">",
                "<meta charset>")) {
            assertThat(PageCharset.certainlyUtf8(page(head))).as(head).isFalse();
        }
        assertThat(PageCharset.certainlyUtf8(("<?xml version=\"1.0\" encoding=\"windows-1256\"?>" + BODY)
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        byte[] bom = page("<meta charset=\"utf-8\">");
        bom[0] = (byte) 0xFF;
        assertThat(PageCharset.certainlyUtf8(bom)).isFalse();
    }

    /** The claim the shortcut rests on, tested against jsoup itself on heads built from declarations and noise. */
    @Test
    void isCertainOnlyWhereJsoupWouldChooseUtf8() throws IOException {
        List<String> pieces = List.of("<meta charset=\"utf-8\">", "<meta charset=\"windows-1256\">",
                "<meta charset=' UTF-8 '>", "<meta charset=utf8>", "<meta charset=\"iso-8859-1\">",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
                "<meta http-equiv=content-type content=\"text/html;charset=windows-1256\">",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; &#99;harset=windows-1256\">",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=&#x75;tf-8\">", "<!-- x -->",
                "<script>var charset = 'utf-8';</script>", "<title>عنوان</title>", "<?xml encoding=\"windows-1256\"?>",
                "<!--?xml version=\"1.0\" encoding=\"iso-8859-1\"?-->", "<style>@charset \"utf-8\";</style>",
                " ".repeat(2500), "<meta name=description content=\"charset=utf-8&amp;x\">", "<meta charset=\"utf-8&#120;\">");
        Random random = new Random(11);
        for (int n = 0; n < 3000; n++) {
            StringBuilder head = new StringBuilder(random.nextBoolean() ? "<!doctype html>" : "");
            for (int k = random.nextInt(5); k >= 0; k--) {
                head.append(pieces.get(random.nextInt(pieces.size())));
            }
            byte[] page = page(head.toString());
            if (PageCharset.certainlyUtf8(page)) {
                String chosen = Jsoup.parse(new ByteArrayInputStream(page), null, "https://news.example/").charset().name();
                assertThat(chosen).as("charset jsoup chose for %s", head).isEqualTo("UTF-8");
            }
        }
    }

    private static byte[] page(String head) {
        return ("<html><head>" + head + "</head>" + BODY).getBytes(StandardCharsets.UTF_8);
    }
}
