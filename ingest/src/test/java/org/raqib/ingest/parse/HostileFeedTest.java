package org.raqib.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostileFeedTest {

    private static final URI ADDRESS = URI.create("https://news.example/rss.xml");
    private final FeedParser parser = new FeedParser();

    @Test
    void neverReadsExternalEntities() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t&x;</title><item><title>a</title><link>/a</link></item>"
                + "</channel></rss>";

        ParsedFeed feed = parser.parse(bytes(xxe), Optional.empty(), ADDRESS);

        assertThat(feed.title()).isEqualTo("t").doesNotContain("root:");
    }

    @Test
    void stopsEntityExpansionBombsWithAClearError() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            bomb.append("\">");
        }
        bomb.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

        assertThatThrownBy(() -> parser.parse(bytes(bomb.toString()), Optional.empty(), ADDRESS))
                .isInstanceOf(FeedParseException.class);
    }

    @Test
    void refusesAnOversizedBodyBeforeParsing() {
        byte[] huge = new byte[FeedParser.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');

        assertThatThrownBy(() -> parser.parse(huge, Optional.empty(), ADDRESS))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void readsArabicWhoseDeclarationLiesAndRepairsIllFormedItems() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>أخبار</title>"
                + "<item><title>وفد ليبي &amp;amp;quot;رفيع&amp;amp;quot; في نيامي &nbsp;</title>"
                + "<link>/news/1?utm_source=rss&amp;id=7#top</link><pubDate>الأحد 18 أغسطس 2024، 7:56 م</pubDate>"
                + "<description>&lt;p&gt;نص&lt;/p&gt; &\u200Fمع</description></item></channel></rss>";

        ParsedFeed parsed = parser.parse(feed.getBytes(StandardCharsets.UTF_8), Optional.empty(), ADDRESS);

        assertThat(parsed.title()).isEqualTo("أخبار");
        FeedEntry entry = parsed.entries().get(0);
        assertThat(entry.title()).isEqualTo("وفد ليبي \"رفيع\" في نيامي");
        assertThat(entry.link()).isEqualTo("https://news.example/news/1?id=7");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-08-18T19:56:00Z"));
        assertThat(entry.summary()).isEqualTo("نص &مع");
    }

    @Test
    void decodesUndeclaredWindows1256() throws Exception {
        String feed = "<rss version=\"2.0\"><channel><title>ليبيا</title><item><guid>g1</guid><title>النيجر</title>"
                + "</item><item><guid>g1</guid><title>repeat</title></item></channel></rss>";

        ParsedFeed parsed = parser.parse(feed.getBytes(Charset.forName("windows-1256")), Optional.empty(), ADDRESS);

        assertThat(parsed.title()).isEqualTo("ليبيا");
        assertThat(parsed.entries()).extracting(FeedEntry::title).containsExactly("النيجر");
    }

    @Test
    void refusesWhatIsNotAFeedWithAReason() {
        assertThatThrownBy(() -> parser.parse(bytes("<html><body>hi</body></html>"), Optional.empty(), ADDRESS))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not an RSS or Atom feed");
        assertThatThrownBy(() -> parser.parse(new byte[] {(byte) 0xFF, 0x00, (byte) 0xC3}, Optional.empty(), ADDRESS))
                .isInstanceOf(FeedParseException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
