package org.raqib.bench.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionThroughputTest {

    private static final String PAGE = "<html lang=\"ar\"><head><title>عنوان</title></head><body><article>"
            + "<p>وقّعت الحكومة أمس عقداً لإنشاء محطة جديدة لتحلية مياه البحر على الساحل الشرقي، بطاقة كبيرة.</p>"
            + "<p>وأوضح الوزير أن المحطة ستغطي احتياجات نحو مليون نسمة، وأنها ستعمل جزئياً بالطاقة الشمسية.</p>"
            + "</article></body></html>";

    @Test
    void countsEveryMeasuredPageAndItsBytes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.html"), PAGE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.html"), PAGE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not a page", StandardCharsets.UTF_8);
        List<ExtractionThroughput.Page> pages = ExtractionThroughput.load(dir);

        ExtractionThroughput.Result result = new ExtractionThroughput(pages).run(1, 3);

        assertThat(pages).extracting(ExtractionThroughput.Page::name).containsExactly("a.html", "b.html");
        assertThat(result.pages()).isEqualTo(6);
        assertThat(result.bytes()).isEqualTo(6L * PAGE.getBytes(StandardCharsets.UTF_8).length);
        assertThat(result.bodyChars()).isPositive();
        assertThat(result.pagesPerSecond()).isPositive();
        assertThat(result.cpuNanos()).isPositive();
    }

    @Test
    void rejectsAMissingPagesDirectoryNamingWhereTheBenchmarkPagesAre(@TempDir Path dir) {
        assertThatThrownBy(() -> ExtractionThroughput.load(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("article-extraction/html");
    }
}
