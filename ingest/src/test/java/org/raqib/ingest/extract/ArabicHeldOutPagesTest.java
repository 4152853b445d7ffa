package org.raqib.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arabic pages in templates the feed simulator does not use — a WordPress blog, a legacy table layout in
 * windows-1256, a client-rendered page whose text is only in JSON-LD, schema.org microdata, a magazine with a
 * related-cards grid, JSON-LD that agrees with the DOM, a wire story with a video embed, an opinion column with a
 * quotation — each with its expected body and the sentences that must not leak into it (inline «اقرأ أيضاً» /
 * «أخبار ذات صلة» headlines, captions, comments, share widgets, most-read lists, footers).
 *
 * <p>They were written after the extractor was tuned on the English benchmark. Pages 01–06 first scored F1 0.964
 * with two leaks (a layout table's side column, an author box); pages 07–08, written after those fixes, first scored
 * F1 0.983 with one leak (an opinion disclaimer). General fixes closed each, so this is now a regression set; the
 * lead's own held-out pages are the independent judge. Fixtures: {@code src/test/resources/fixtures/arabic-pages},
 * text written for this project.
 */
class ArabicHeldOutPagesTest {

    private static final String DIR = "/fixtures/arabic-pages/";

    static List<String> pages() {
        return List.of("01-wordpress-book-fair", "02-legacy-table-desalination", "03-spa-jsonld-football",
                "04-microdata-solar", "05-magazine-inflation", "06-jsonld-agrees-vaccination", "07-wire-weather",
                "08-opinion-water");
    }

    @Test
    void extractsTheHeldOutArabicBodiesWithShingleF1OfAtLeast095() {
        ShingleScore score = new ShingleScore();
        for (String page : pages()) {
            score.add(page, text(page + ".expected.txt"), extract(page).body());
        }
        System.out.printf(Locale.ROOT, "arabic held-out pages: F1=%.3f precision=%.3f recall=%.3f%n",
                score.f1(), score.precision(), score.recall());
        score.worst(pages().size()).forEach(line -> System.out.println("  page: " + line));

        assertThat(score.f1()).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void leavesRelatedNewsSidebarsCaptionsAndCommentsOutOfTheBody(String page) {
        String body = extract(page).body();

        for (String leak : text(page + ".leaks.txt").strip().split("\n")) {
            assertThat(body).as("body of %s", page).doesNotContain(leak.strip());
        }
    }

    private static ExtractedPage extract(String page) {
        return new ArticleExtractor().extract(bytes(page + ".html"), Optional.empty(),
                URI.create("https://news.example/" + page));
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = ArabicHeldOutPagesTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
